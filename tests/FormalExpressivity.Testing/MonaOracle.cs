using System.Diagnostics;
using System.Globalization;
using System.Text;
using FormalExpressivity.Automata;
using FormalExpressivity.Core.Alphabets;
using FormalExpressivity.Core.Collections;
using FormalExpressivity.Syntax.Logic;

namespace FormalExpressivity.Testing;

/// <summary>
/// MONA (Klarlund &amp; Møller; Debian package <c>mona</c>) as an independent oracle for FO[&lt;]:
/// writes a sentence in MONA's M2L-Str syntax with one second-order variable per symbol and the
/// constraint that every position carries exactly one symbol (one-hot), runs <c>mona -w -q</c>, and
/// imports the printed DFA (one-hot letters) as a <see cref="Dfa"/> over Σ.
/// MONA's M2L-Str leaves the empty string a "don't-care" (first-order variables need a position), so
/// the caller supplies whether ε is accepted.
/// </summary>
public static class MonaOracle
{
    /// <summary>True when the <c>mona</c> executable is on the PATH.</summary>
    public static bool IsAvailable { get; } = FindOnPath("mona") is not null;

    /// <summary>The full path of an executable on the PATH, or <c>null</c>.</summary>
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>The MONA program for <paramref name="sentence"/> over <paramref name="alphabet"/>.</summary>
    public static string ToMona(FoFormula sentence, Alphabet alphabet)
    {
        var sb = new StringBuilder("m2l-str;\n");
        var labels = alphabet.Symbols.Select(Label).ToArray();
        sb.Append("var2 ").Append(string.Join(", ", labels)).Append(";\n");
        // Every position carries exactly one symbol.
        sb.Append("all1 p_: ");
        sb.Append(string.Join(" | ", labels.Select((l, i) =>
            "(" + string.Join(" & ", labels.Select((m, j) => j == i ? $"p_ in {m}" : $"p_ notin {m}")) + ")")));
        sb.Append(";\n");
        Write(sb, sentence);
        sb.Append(";\n");
        return sb.ToString();
    }

    /// <summary>Runs MONA on <paramref name="sentence"/> and imports its DFA over Σ (ε accepted iff <paramref name="acceptsEmpty"/>).</summary>
    /// <param name="sentence">The sentence.</param>
    /// <param name="alphabet">Σ.</param>
    /// <param name="acceptsEmpty">Whether the empty word is in the language (MONA leaves it unspecified).</param>
    /// <param name="elapsed">MONA's wall-clock time, process start included.</param>
    public static Dfa Compile(FoFormula sentence, Alphabet alphabet, bool acceptsEmpty, out TimeSpan elapsed)
    {
        string file = Path.Combine(Path.GetTempPath(), $"fex-mona-{Environment.ProcessId}-{Guid.NewGuid():N}.mona");
        File.WriteAllText(file, ToMona(sentence, alphabet));
        try
        {
            var (output, time) = Run(file);
            elapsed = time;
            return Import(output, alphabet, acceptsEmpty);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs <c>mona -w -q</c> on a program file; returns standard output and the wall-clock time.</summary>
    public static (string Output, TimeSpan Elapsed) Run(string file)
    {
        var psi = new ProcessStartInfo("mona", ["-w", "-q", file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start mona");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"mona did not finish within 60 s on {file}");
        }
        watch.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"mona failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        return (stdout.Result, watch.Elapsed);
    }

    /// <summary>
    /// Imports MONA's <c>-w</c> output: free variables in order, accepting states, and transitions
    /// <c>State i: PATTERN -&gt; state j</c> over the variables' bits (0, 1, X). State 0 reads MONA's
    /// initial dummy letter; the state it leads to stands for ε.
    /// </summary>
    public static Dfa Import(string output, Alphabet alphabet, bool acceptsEmpty)
    {
        var lines = output.Split('\n').Select(l => l.Trim()).ToArray();
        var header = lines.First(l => l.StartsWith("DFA for formula with free variables:", StringComparison.Ordinal));
        var freeVars = header["DFA for formula with free variables:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var accepting = States(lines.First(l => l.StartsWith("Accepting states:", StringComparison.Ordinal)));
        var dontCare = States(lines.FirstOrDefault(l => l.StartsWith("Don't-care states:", StringComparison.Ordinal)) ?? "Don't-care states:");
        var transitions = new List<(int From, string Pattern, int To)>();
        foreach (var l in lines.Where(l => l.StartsWith("State ", StringComparison.Ordinal) && l.Contains("->")))
        {
            // State 3: 01X -> state 2
            int colon = l.IndexOf(':');
            int from = int.Parse(l[6..colon], CultureInfo.InvariantCulture);
            var rest = l[(colon + 1)..].Split("->");
            transitions.Add((from, rest[0].Trim(), int.Parse(rest[1].Trim()["state ".Length..], CultureInfo.InvariantCulture)));
        }
        int n = transitions.Max(t => Math.Max(t.From, t.To)) + 1;
        // One-hot letter of symbol k: its variable 1, the others 0.
        var letter = new string[alphabet.Count];
        for (int k = 0; k < alphabet.Count; k++)
            letter[k] = new string(freeVars.Select(v => v == Label(alphabet[k]) ? '1' : '0').ToArray());
        int Step(int q, string bits)
        {
            foreach (var t in transitions)
                if (t.From == q && Matches(t.Pattern, bits)) return t.To;
            throw new InvalidOperationException($"MONA output has no transition from state {q} on {bits}");
        }
        int emptyState = Step(0, new string('0', freeVars.Length));
        // Our states: MONA's states 0 … n−1 plus a copy of the ε state (index n) as the start.
        int k2 = alphabet.Count;
        var table = new int[(n + 1) * k2];
        for (int q = 0; q <= n; q++)
            for (int a = 0; a < k2; a++)
                table[q * k2 + a] = Step(q == n ? emptyState : q, letter[a]);
        var acc = new BitSet(n + 1);
        foreach (var q in accepting) acc.Add(q);
        if (acceptsEmpty) acc.Add(n);
        var dfa = Dfa.Create(alphabet, n, table, acc);
        // A don't-care state reached by a non-empty word would make the import meaningless.
        var reached = new HashSet<int>();
        var queue = new Queue<int>();
        for (int a = 0; a < k2; a++) if (reached.Add(table[n * k2 + a])) queue.Enqueue(table[n * k2 + a]);
        while (queue.Count > 0)
        {
            int q = queue.Dequeue();
            if (dontCare.Contains(q)) throw new InvalidOperationException($"MONA's don't-care state {q} is reachable by a non-empty word");
            for (int a = 0; a < k2; a++) if (reached.Add(table[q * k2 + a])) queue.Enqueue(table[q * k2 + a]);
        }
        return dfa;
    }

    private static bool Matches(string pattern, string bits)
    {
        if (pattern.Length != bits.Length) return false;
        for (int i = 0; i < bits.Length; i++) if (pattern[i] != 'X' && pattern[i] != bits[i]) return false;
        return true;
    }

    private static HashSet<int> States(string line) =>
        line[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();

    private static string Label(string symbol) => "L_" + symbol;

    private static string Var(string v) => "v_" + v;

    // Recursive over the formula (test helper; the formulas are small).
    private static void Write(StringBuilder sb, FoFormula f)
    {
        var v = f.Variables;
        switch (f.Kind)
        {
            case FoKind.True: sb.Append("true"); return;
            case FoKind.False: sb.Append("false"); return;
            case FoKind.Label: sb.Append(Var(v[0])).Append(" in ").Append(Label(f.Symbol!)); return;
            case FoKind.Less: sb.Append(Var(v[0])).Append(" < ").Append(Var(v[1])); return;
            case FoKind.Equal: sb.Append(Var(v[0])).Append(" = ").Append(Var(v[1])); return;
            case FoKind.Successor: sb.Append(Var(v[1])).Append(" = ").Append(Var(v[0])).Append(" + 1"); return;
            case FoKind.First: sb.Append("(all1 q_: ").Append(Var(v[0])).Append(" <= q_)"); return;
            case FoKind.Last: sb.Append("(all1 q_: q_ <= ").Append(Var(v[0])).Append(')'); return;
            case FoKind.Not: sb.Append("~("); Write(sb, f.Children[0]); sb.Append(')'); return;
            case FoKind.Exists or FoKind.Forall:
                sb.Append(f.Kind == FoKind.Exists ? "(ex1 " : "(all1 ").Append(Var(v[0])).Append(": ");
                Write(sb, f.Children[0]);
                sb.Append(')');
                return;
        }
        string op = f.Kind switch { FoKind.And => " & ", FoKind.Or => " | ", FoKind.Implies => " => ", _ => " <=> " };
        sb.Append('(');
        Write(sb, f.Children[0]);
        sb.Append(op);
        Write(sb, f.Children[1]);
        sb.Append(')');
    }
}
