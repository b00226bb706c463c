using BenchmarkDotNet.Attributes;
using FormalExpressivity.Automata;
using FormalExpressivity.Automata.Formats;
using FormalExpressivity.Automata.Operations;
using FormalExpressivity.Classes.Algebra;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Testing;

namespace FormalExpressivity.Benchmarks;

/// <summary>
/// Issue 16: the flat Froidure–Pin enumeration (<see cref="TransitionSemigroup"/>: one int array, open-addressing
/// hash of element indices, left Cayley graph from prefixes) against the list-of-arrays enumeration it replaced
/// (<see cref="ListSemigroupBaseline"/>, one <c>int[]</c> and one word object per element, a dictionary keyed by
/// arrays, left Cayley graph by composing and hashing). Inputs: the full transformation monoid T_6 (46 656
/// elements; cycle, transposition, collapse on 6 states) and a 32-state partially ordered DFA whose monoid has
/// 18 870 elements (benchmarks/classify-scale/inputs/po-32-s1020.json).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickInProcessConfig))]
public class FroidurePinBenchmarks
{
    private Dfa _dfa = null!;

    /// <summary>The input: <c>T6</c> or <c>po-32</c>.</summary>
    [Params("T6", "po-32")]
    public string Input { get; set; } = "T6";

    /// <summary>Builds the DFA.</summary>
    [GlobalSetup]
    public void Setup() => _dfa = Input == "T6" ? FullTransformations(6) : PartiallyOrdered32();

    /// <summary>The flat enumeration with both Cayley graphs.</summary>
    [Benchmark]
    public int Flat()
    {
        var s = TransitionSemigroup.Create(_dfa, 1_000_000);
        return s.Count + s.LeftCayley.Length;
    }

    /// <summary>The flat enumeration, both Cayley graphs and Green's relations from their strongly connected components.</summary>
    [Benchmark]
    public int FlatWithGreen()
    {
        var s = TransitionSemigroup.Create(_dfa, 1_000_000);
        return s.Green.JCount;
    }

    /// <summary>The enumeration before issue 16, with both Cayley graphs.</summary>
    [Benchmark(Baseline = true)]
    public int ListOfArrays() => ListSemigroupBaseline.Create(_dfa).Count;

    /// <summary>T_n: a = the cycle, b = the transposition (0 1), c = the collapse 0 ↦ 1; accepting {0}.</summary>
    public static Dfa FullTransformations(int n)
    {
        var table = new int[n * 3];
        for (int q = 0; q < n; q++)
        {
            table[q * 3] = (q + 1) % n;
            table[q * 3 + 1] = q == 0 ? 1 : q == 1 ? 0 : q;
            table[q * 3 + 2] = q == 0 ? 1 : q;
        }
        var acc = new BitSet(n);
        acc.Add(0);
        return Dfa.Create(RandomDfa.Letters(3), 0, table, acc).Minimize();
    }

    private static Dfa PartiallyOrdered32()
    {
        var dir = new DirectoryInfo(FormalExpressivity.Testing.RepositoryRoot.Path);
        var path = Path.Combine(dir!.FullName, "benchmarks", "classify-scale", "inputs", "po-32-s1020.json");
        return DfaJson.ReadDfa(File.ReadAllText(path)).GetValueOrThrow().Minimize();
    }
}

/// <summary>The transition-semigroup enumeration before issue 16 (kept only as the benchmark baseline; the tests' twin is ReferenceSemigroup).</summary>
internal sealed class ListSemigroupBaseline
{
    private readonly List<int[]> _elements = [];
    private readonly List<FormalExpressivity.Core.Alphabets.Word> _reps = [];
    private readonly Dictionary<int[], int> _index = new(Comparer.Instance);

    public int Count => _elements.Count;

    public static ListSemigroupBaseline Create(Dfa dfa)
    {
        var s = new ListSemigroupBaseline();
        int n = dfa.StateCount, k = dfa.SymbolCount;
        var table = dfa.Table.ToArray();
        var right = new List<int>();
        for (int a = 0; a < k; a++)
        {
            var t = new int[n];
            for (int q = 0; q < n; q++) t[q] = table[q * k + a];
            s.Add(t, FormalExpressivity.Core.Alphabets.Word.Of(a));
        }
        for (int i = 0; i < s._elements.Count; i++)
            for (int a = 0; a < k; a++)
            {
                var x = s._elements[i];
                var t = new int[n];
                for (int q = 0; q < n; q++) t[q] = table[x[q] * k + a];
                right.Add(s.Add(t, s._reps[i].Append(a)));
            }
        var left = new int[s.Count * k];
        var u = new int[n];
        for (int i = 0; i < s.Count; i++)
            for (int a = 0; a < k; a++)
            {
                for (int q = 0; q < n; q++) u[q] = s._elements[i][table[q * k + a]];
                left[i * k + a] = s._index[u];
            }
        return s;
    }

    private int Add(int[] t, FormalExpressivity.Core.Alphabets.Word w)
    {
        if (_index.TryGetValue(t, out int i)) return i;
        _index[t] = _elements.Count;
        _elements.Add(t);
        _reps.Add(w);
        return _elements.Count - 1;
    }

    private sealed class Comparer : IEqualityComparer<int[]>
    {
        public static readonly Comparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var h = new HashCode();
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return h.ToHashCode();
        }
    }
}
