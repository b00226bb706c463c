using System.Text.RegularExpressions;

namespace FormalExpressivity.Core.Alphabets;

/// <summary>
/// A finite, explicitly declared alphabet Σ of named symbols in declared order (theory.md §1).
/// Names are single letters (<c>a</c>) or identifiers (<c>b0</c>, <c>a1</c>, <c>x_2</c>): a letter
/// or underscore followed by letters, digits or underscores. Symbol index i is the i-th declared
/// name; canonical numbering and shortlex order use this order. At most 64 symbols, so a set of
/// symbols fits one <see cref="SymbolSet"/> (a <c>ulong</c>).
/// </summary>
public sealed partial class Alphabet : IEquatable<Alphabet>
{
    /// <summary>The largest supported alphabet size.</summary>
    public const int MaxSymbols = 64;

    private readonly string[] _names;
    private readonly Dictionary<string, int> _index;

    private Alphabet(string[] names)
    {
        _names = names;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++) _index[names[i]] = i;
        AllSingleCharacter = names.All(n => n.Length == 1);
    }

    /// <summary>The symbol names in declared order.</summary>
    public IReadOnlyList<string> Symbols => _names;

    /// <summary>|Σ|.</summary>
    public int Count => _names.Length;

    /// <summary>True when every name is one character; words then print juxtaposed (<c>abba</c>).</summary>
    public bool AllSingleCharacter { get; }

    /// <summary>The name of symbol <paramref name="index"/>.</summary>
    /// <param name="index">Zero-based symbol index.</param>
    public string this[int index] => _names[index];

    /// <summary>The set of all symbols.</summary>
    public SymbolSet All => SymbolSet.FirstN(Count);

    /// <summary>True when <paramref name="name"/> is a valid symbol name (letter or <c>_</c>, then letters, digits, <c>_</c>).</summary>
    /// <param name="name">Candidate name.</param>
    public static bool IsValidName(string name) => name is not null && NameRegex().IsMatch(name);

    /// <summary>Creates an alphabet from names in declared order.</summary>
    /// <param name="names">Distinct valid names, at least one, at most <see cref="MaxSymbols"/>.</param>
    /// <exception cref="ArgumentException">A name is invalid or repeated, or there are too many or none.</exception>
    public static Alphabet Create(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = names.ToArray();
        if (list.Length == 0) throw new ArgumentException("an alphabet needs at least one symbol", nameof(names));
        if (list.Length > MaxSymbols) throw new ArgumentException($"an alphabet has at most {MaxSymbols} symbols, got {list.Length}", nameof(names));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in list)
        {
            if (!IsValidName(n)) throw new ArgumentException($"'{n}' is not a valid symbol name (a letter or '_' followed by letters, digits or '_')", nameof(names));
            if (!seen.Add(n)) throw new ArgumentException($"symbol '{n}' is declared twice", nameof(names));
        }
        return new Alphabet(list);
    }

    /// <summary>Creates an alphabet from names in declared order.</summary>
    /// <param name="names">Distinct valid names.</param>
    public static Alphabet Of(params string[] names) => Create(names);

    /// <summary>Parses a comma- (or space-) separated list such as <c>a,b,c</c> or <c>{a, b0, b1}</c>.</summary>
    /// <param name="text">The list.</param>
    /// <param name="alphabet">The alphabet, when the text is valid.</param>
    /// <param name="error">Why the text is invalid, otherwise <c>null</c>.</param>
    public static bool TryParse(string text, out Alphabet? alphabet, out string? error)
    {
        alphabet = null;
        error = null;
        if (text is null) { error = "no alphabet given"; return false; }
        var t = text.Trim();
        if (t.StartsWith('{') && t.EndsWith('}')) t = t[1..^1];
        var names = t.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        try
        {
            alphabet = Create(names);
            return true;
        }
        catch (ArgumentException e)
        {
            error = e.Message.Split(" (Parameter")[0];
            return false;
        }
    }

    /// <summary>The index of <paramref name="name"/>, or -1 when it is not a symbol.</summary>
    /// <param name="name">Symbol name.</param>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>Looks up a symbol's index.</summary>
    /// <param name="name">Symbol name.</param>
    /// <param name="index">Its index when found.</param>
    public bool TryGetIndex(string name, out int index) => _index.TryGetValue(name, out index);

    /// <summary>True when both alphabets have the same symbols, in any order (the same alphabet as a set; <see cref="Equals(Alphabet?)"/> also compares the order).</summary>
    /// <param name="other">The other alphabet.</param>
    public bool HasSameSymbols(Alphabet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Count == other.Count && _names.All(n => other._index.ContainsKey(n));
    }

    /// <summary>True when both alphabets declare the same names in the same order.</summary>
    /// <param name="other">The other alphabet.</param>
    public bool Equals(Alphabet? other) => other is not null && _names.AsSpan().SequenceEqual(other._names);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Alphabet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var n in _names) h.Add(n, StringComparer.Ordinal);
        return h.ToHashCode();
    }

    /// <summary>Prints the alphabet as <c>{a, b, c}</c>.</summary>
    public override string ToString() => "{" + string.Join(", ", _names) + "}";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex NameRegex();
}
