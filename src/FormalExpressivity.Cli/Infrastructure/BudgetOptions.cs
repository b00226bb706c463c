using System.CommandLine;
using System.Globalization;
using FormalExpressivity.Core.Limits;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>
/// The budget flags of one command, made from the one list <see cref="Budgets.All"/>: each budget
/// <c>max-NAME</c> becomes the option <c>--max-NAME N</c> with the documented default. A command takes the
/// groups it can exceed (<see cref="Construction"/> for every command that builds automata,
/// <see cref="Classification"/> for those that classify); a budget error names a flag the command has
/// (a test checks it). Values outside a budget's range are usage errors (exit 2) of the option's parser
/// (<see cref="NumberOption.Accepting{T}(Option{T}, T, T)"/>, with the budget's declared range).
/// </summary>
public sealed class BudgetOptions
{
    /// <summary>The budgets of every command that builds automata from languages or models.</summary>
    public static IReadOnlyList<string> Construction { get; } = ["max-states", "max-variables"];

    /// <summary>
    /// The budgets of the class deciders and the architecture verdicts: the formula searches (type search, P over
    /// window types) and the all-depth lasso search. Every command that asks the verdict engine takes them
    /// (classify, check, census, and simulate/export when they build a model from a language).
    /// </summary>
    public static IReadOnlyList<string> Classification { get; } =
        ["max-semigroup", "max-semigroup-mib", "max-parameter-states", "max-pair-states", "max-depth", "max-types", "max-type-states",
         "max-lasso-prefix", "max-lasso-loop", "max-lasso-tails", "max-lasso-candidates", "max-search-work",
         "max-formula-size", "max-formula-work"];

    private readonly List<(Budget Budget, Option<long> Option)> _options = [];
    private readonly Budgets _defaults;

    private BudgetOptions(Budgets defaults) => _defaults = defaults;

    /// <summary>The options of the named budgets, with defaults taken from <paramref name="defaults"/>.</summary>
    /// <param name="names">Budget names (see <see cref="Budgets.All"/>).</param>
    /// <param name="defaults">The command's defaults; null for <see cref="Budgets.Default"/>.</param>
    /// <exception cref="ArgumentException">A name is not a budget.</exception>
    public static BudgetOptions Create(IEnumerable<string> names, Budgets? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        var result = new BudgetOptions(defaults ?? Budgets.Default);
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var budget = Budgets.Find(name) ?? throw new ArgumentException($"'{name}' is not a budget", nameof(names));
            long value = budget.Get(result._defaults);
            var option = new Option<long>(budget.Flag)
            {
                Description = $"Budget: {budget.Description}.",
                DefaultValueFactory = _ => value,
                HelpName = "N",
            }.Accepting(budget.Minimum, budget.Maximum);
            result._options.Add((budget, option));
        }
        return result;
    }

    /// <summary>The options, to add to a command.</summary>
    public IEnumerable<Option> Options => _options.Select(o => (Option)o.Option);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var (_, option) in _options) command.Options.Add(option);
    }

    /// <summary>The values of this command's budgets in <paramref name="budgets"/>, as <c>name=value</c> pairs in
    /// option order (what a sharded run's fingerprint records).</summary>
    /// <param name="budgets">Bound budgets.</param>
    public IEnumerable<KeyValuePair<string, string>> Values(Budgets budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        foreach (var (budget, _) in _options)
            yield return KeyValuePair.Create(budget.Name, budget.Get(budgets).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The budgets given on the command line (defaults for the others).</summary>
    /// <param name="parse">The parse result.</param>
    public Budgets Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var budgets = _defaults;
        foreach (var (budget, option) in _options)
        {
            // The parser accepted only [Minimum, Maximum] (NumberOption.Accepting, the one range check).
            budgets = budget.With(budgets, parse.GetValue(option));
        }
        return budgets;
    }
}
