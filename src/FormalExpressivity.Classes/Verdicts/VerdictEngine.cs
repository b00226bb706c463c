using FormalExpressivity.Automata;
using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Syntax.Temporal;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// The one decider chain of FormalExpressivity. For a language and a set of architectures it runs
/// <list type="number">
/// <item>the exact criteria (<see cref="ExactCriteria"/>: exact and necessary classes);</item>
/// <item>the inclusions of <see cref="ArchitectureHierarchy"/> (a yes flows to every superset, a no to
/// every subset, so no report contradicts an inclusion);</item>
/// <item>the ordered, pluggable <see cref="Stages"/> — by default the declared formula
/// (<see cref="DeclaredFormulaStage"/>), synthesis (<see cref="SynthesisStage"/>), the bounded type
/// search and the all-depth certificates side by side under one work budget (<see cref="JointSearchStage"/>),
/// the least depth (<see cref="LeastDepthStage"/>),
/// the search over P of window types (<see cref="PastOfWindowStage"/>) and the smallest formula
/// (<see cref="SmallestFormulaStage"/>) and the star-free construction for uha yes rows still without a formula
/// (<see cref="StarFreeSynthesisStage"/>) —
/// each followed by the inclusions again.</item>
/// </list>
/// <c>fex classify</c>, <c>fex check</c>, conjectures and the evaluation's failure analysis all ask it,
/// with the same <see cref="VerdictOptions"/>, so they give the same verdict, depth and evidence.
/// </summary>
public sealed class VerdictEngine
{
    /// <summary>Creates an engine.</summary>
    /// <param name="options">Budgets (<see cref="VerdictOptions.Default"/> when null).</param>
    /// <param name="stages">The refinement stages in order (<see cref="DefaultStages"/> when null).</param>
    public VerdictEngine(VerdictOptions? options = null, IEnumerable<IVerdictStage>? stages = null)
    {
        Options = options ?? VerdictOptions.Default;
        Stages = (stages ?? DefaultStages).ToList();
    }

    /// <summary>The default refinement stages: declared formula, synthesis, the type search and the all-depth lasso search side by side under one budget (<see cref="JointSearchStage"/>), least depth, P over window types (after the refutations: they are cheaper and settle most rows it could not), smallest formula (it covers every yes), then the star-free construction for the uha rows still without a formula.</summary>
    public static IReadOnlyList<IVerdictStage> DefaultStages { get; } = [new DeclaredFormulaStage(), new SynthesisStage(), new JointSearchStage(), new LeastDepthStage(), new PastOfWindowStage(), new SmallestFormulaStage(), new StarFreeSynthesisStage()];

    /// <summary>An engine with the default options and stages (declared after <see cref="DefaultStages"/>, which it uses).</summary>
    public static VerdictEngine Default { get; } = new();

    /// <summary>The budgets.</summary>
    public VerdictOptions Options { get; }

    /// <summary>The refinement stages, in order.</summary>
    public IReadOnlyList<IVerdictStage> Stages { get; }

    /// <summary>A copy of this engine with <paramref name="stage"/> inserted before the stage named <paramref name="before"/> (appended when absent).</summary>
    /// <param name="stage">The new stage.</param>
    /// <param name="before">The name of the stage it precedes.</param>
    public VerdictEngine WithStage(IVerdictStage stage, string? before = null)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var list = Stages.ToList();
        int at = before is null ? -1 : list.FindIndex(s => s.Name == before);
        list.Insert(at < 0 ? list.Count : at, stage);
        return new VerdictEngine(Options, list);
    }

    /// <summary>A copy of this engine with other options and the same stages.</summary>
    /// <param name="options">The options.</param>
    public VerdictEngine WithOptions(VerdictOptions options) => new(options, Stages);

    /// <summary>Opens a session for one language (its DFA is minimized).</summary>
    /// <param name="dfa">Any complete DFA of L.</param>
    /// <param name="declared">The formula L was declared by, if any (a proof of yes for the architectures that compute it).</param>
    public VerdictSession Open(Dfa dfa, LtlFormula? declared = null)
    {
        ArgumentNullException.ThrowIfNull(dfa);
        return new VerdictSession(new VerdictContext(dfa, declared, Options), Stages);
    }

    /// <summary>The verdicts of <paramref name="architectures"/> for L, decided jointly (inclusions between them apply).</summary>
    /// <param name="dfa">Any complete DFA of L.</param>
    /// <param name="architectures">The rows wanted, in report order.</param>
    /// <param name="declared">The formula L was declared by, if any.</param>
    public IReadOnlyDictionary<Architecture, Verdict> Decide(Dfa dfa, IEnumerable<Architecture> architectures, LtlFormula? declared = null) =>
        Open(dfa, declared).Decide(architectures);

    /// <summary>The verdict of one architecture for L.</summary>
    /// <param name="dfa">Any complete DFA of L.</param>
    /// <param name="architecture">The architecture.</param>
    /// <param name="declared">The formula L was declared by, if any.</param>
    public Verdict Decide(Dfa dfa, Architecture architecture, LtlFormula? declared = null) =>
        Decide(dfa, [architecture], declared)[architecture];
}
