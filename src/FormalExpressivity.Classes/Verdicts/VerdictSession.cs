using FormalExpressivity.Classes.Architectures;
using FormalExpressivity.Classes.Types;

namespace FormalExpressivity.Classes.Verdicts;

/// <summary>
/// The decider chain at work on one language (made by <see cref="VerdictEngine.Open"/>). Rows are
/// decided jointly and kept, so later requests reuse earlier work.
/// </summary>
/// <remarks>
/// <para>Determinism across front ends: a requested row is decided together with the rows it includes
/// that have no exact class (for <c>hybrid:k</c>: <c>Ywin:k</c>, <c>local:k</c>, <c>PYwin:k</c>) and
/// with the exact rows (global, local:1, hybrid:1, Ywin:1, PYwin:1, regular), all in one canonical
/// order. Rows of different window sizes never settle each other except through exact rows, so a
/// row's verdict, depth and evidence do not depend on which other rows a front end asked for:
/// <c>fex classify</c> and <c>fex check</c> agree.</para>
/// <para>Inclusions (<see cref="ArchitectureHierarchy"/>) run after the exact criteria and after every
/// stage: a yes flows up to every superset row, a no down to every subset row. A yes and a no that
/// contradict an inclusion are an internal error, never a report.</para>
/// </remarks>
public sealed class VerdictSession
{
    private readonly IReadOnlyList<IVerdictStage> _stages;
    private readonly HashSet<Architecture> _refined = [];

    internal VerdictSession(VerdictContext context, IReadOnlyList<IVerdictStage> stages)
    {
        Context = context;
        _stages = stages;
    }

    /// <summary>The language, its facts and the current rows.</summary>
    public VerdictContext Context { get; }

    /// <summary>
    /// The stage <see cref="DecideStepwise"/> is running (<c>exact-criteria</c> first, then an
    /// <see cref="IVerdictStage.Name"/>), or null before and after; a user interface shows it while it waits.
    /// </summary>
    public string? CurrentStage { get; private set; }

    /// <summary>The rows exact criteria decide, always present as helpers.</summary>
    private static IReadOnlyList<Architecture> ExactHelpers { get; } =
        [Architecture.Global, Architecture.Local(1), Architecture.Hybrid(1), Architecture.WindowLogic(1), Architecture.PastWindowLogic(1), Architecture.Regular];

    /// <summary>The verdicts of <paramref name="architectures"/>, in the order given.</summary>
    /// <param name="architectures">The rows wanted.</param>
    public IReadOnlyDictionary<Architecture, Verdict> Decide(IEnumerable<Architecture> architectures)
    {
        ArgumentNullException.ThrowIfNull(architectures);
        var wanted = architectures.Distinct().ToList();
        foreach (var _ in Steps(wanted))
        {
        }
        return wanted.ToDictionary(a => a, a => Context.RowsMutable[a]);
    }

    /// <summary>
    /// <see cref="Decide"/> in small steps: each enumerated element is the row one stage is working on — one
    /// bounded step of that stage (<see cref="IVerdictStage.RefineStepwise"/>: a few dozen type-automaton
    /// nodes, one lasso candidate, …) — and the exact criteria come first, as one step. After the last step, <see cref="Decide"/> with the same
    /// rows returns them without further work; a caller may stop early (a user interface that yields to its
    /// event loop between steps and offers Cancel) and then drops the session.
    /// </summary>
    /// <param name="architectures">The rows wanted.</param>
    public IEnumerable<Architecture> DecideStepwise(IEnumerable<Architecture> architectures)
    {
        ArgumentNullException.ThrowIfNull(architectures);
        return Steps(architectures.Distinct().ToList());
    }

    /// <summary>
    /// <see cref="DecideStepwise"/>, calling <paramref name="beforeStage"/> before each refinement stage
    /// starts (after the exact criteria and after every stage, once the inclusions have run): the moments at which
    /// the rows are a consistent state of the chain (<see cref="Report.Classifier.ClassifyStepwise"/> publishes a provisional report there).
    /// </summary>
    internal IEnumerable<Architecture> DecideStepwiseBetweenStages(IEnumerable<Architecture> architectures, Action beforeStage) =>
        Steps(architectures.Distinct().ToList(), beforeStage);

    private IEnumerable<Architecture> Steps(List<Architecture> wanted, Action? beforeStage = null)
    {
        // No row wanted (classify --arch none): the exact helpers would only serve rows nobody asked for.
        if (wanted.Count == 0) yield break;
        var rows = Context.RowsMutable;
        var work = new SortedSet<Architecture>(wanted.SelectMany(Closure), CanonicalOrder.Instance);
        CurrentStage = "exact-criteria";
        foreach (var a in ExactHelpers.Concat(work))
            if (!rows.ContainsKey(a)) rows[a] = ExactCriteria.Decide(Context, a);
        Propagate();
        var pending = work.Where(a => !_refined.Contains(a)).ToList();
        if (pending.Count > 0) yield return pending[0];
        foreach (var stage in _stages)
        {
            if (pending.Count > 0) beforeStage?.Invoke();
            CurrentStage = stage.Name;
            foreach (var a in pending)
            {
                var current = rows[a];
                Verdict? refined = null;
                bool first = true;
                foreach (var step in stage.RefineStepwise(Context, a, current))
                {
                    // Every element but the last is a bounded piece of work: the caller may yield in between.
                    if (!first) yield return a;
                    first = false;
                    refined = step;
                }
                if (refined is not null && !ReferenceEquals(refined, current))
                {
                    if (current.IsSettled && refined.Answer != current.Answer)
                        throw new InvalidOperationException($"internal error: stage {stage.Name} turned {a.Key} from {current.Answer} into {refined.Answer}");
                    rows[a] = refined;
                    Propagate();
                }
                yield return a;
            }
        }
        _refined.UnionWith(pending);
        CurrentStage = null;
    }

    /// <summary>
    /// <paramref name="architecture"/> and the rows without an exact class that it includes (not through an
    /// exact row): the rows whose answers can settle it.
    /// </summary>
    private static IEnumerable<Architecture> Closure(Architecture architecture)
    {
        yield return architecture;
        if (architecture.ExactClass is not null || !architecture.HasWindow) yield break;
        int k = architecture.Window;
        foreach (var b in new[] { Architecture.WindowLogic(k), Architecture.Local(k), Architecture.PastWindowLogic(k), Architecture.Hybrid(k) })
        {
            if (b == architecture) continue;
            var chain = ArchitectureHierarchy.Proof(b, architecture);
            if (chain is not null && chain.Take(chain.Count - 1).All(step => step.Super.ExactClass is null)) yield return b;
        }
    }

    private void Propagate()
    {
        var rows = Context.RowsMutable;
        var order = rows.Keys.Order(CanonicalOrder.Instance).ToList();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var x in order)
            {
                var vx = rows[x];
                foreach (var y in order)
                {
                    if (x == y) continue;
                    var vy = rows[y];
                    if (vy.Answer == Answer.Yes && vx.Answer != Answer.Yes && ArchitectureHierarchy.Proof(y, x) is { } up)
                    {
                        if (vx.Answer == Answer.No)
                            throw new InvalidOperationException($"internal error: {y.Key} says yes but its superset {x.Key} says no");
                        rows[x] = vx = FromSubset(x, y, vy, up);
                        changed = true;
                    }
                    else if (vy.Answer == Answer.No && vx.Answer == Answer.Unknown && ArchitectureHierarchy.Proof(x, y) is { } down)
                    {
                        var evidence = new List<ClassEvidence> { new InclusionEvidence(y, Answer.No, down.Select(s => s.Rule).ToList()) };
                        if (vy.Identity is { } id) evidence.Add(id);
                        if (vy.Certificate is { } certificate) evidence.Add(certificate);
                        rows[x] = vx = new Verdict(Answer.No, null, evidence);
                        changed = true;
                    }
                }
            }
        }
    }

    private static Verdict FromSubset(Architecture x, Architecture y, Verdict vy, IReadOnlyList<(Architecture Super, InclusionRule Rule)> chain)
    {
        var evidence = new List<ClassEvidence> { new InclusionEvidence(y, Answer.Yes, chain.Select(s => s.Rule).ToList()) };
        int? depth = null;
        if (vy.Formula is { } f && x.Computes(f.Formula))
        {
            evidence.Add(f);
            depth = f.Formula.Depth;
        }
        return new Verdict(Answer.Yes, depth, evidence);
    }

    /// <summary>
    /// The canonical row order: global, global-nonstrict, then per window size k (ascending) Ywin:k, local:k,
    /// PYwin:k, hybrid:k, then uha and regular. Smaller fragments come first, so a yes found cheaply settles
    /// the rows above it before their (costlier) searches run.
    /// </summary>
    public sealed class CanonicalOrder : IComparer<Architecture>
    {
        /// <summary>The comparer.</summary>
        public static CanonicalOrder Instance { get; } = new();

        /// <inheritdoc />
        public int Compare(Architecture? x, Architecture? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            return Rank(x).CompareTo(Rank(y));
        }

        private static (int, int, int) Rank(Architecture a) => a.Kind switch
        {
            ArchitectureKind.Global => (0, 0, a.Masking == Masking.Strict ? 0 : 1),
            ArchitectureKind.Local => (1, a.Window, a.Windows == WindowSemantics.Set ? 0 : 1),
            ArchitectureKind.Hybrid => (1, a.Window, a.Windows == WindowSemantics.Set ? 2 : 3),
            ArchitectureKind.Uha => (2, 0, 0),
            _ => (3, 0, 0),
        };
    }
}
