using FormalExpressivity.Syntax.Temporal;
using FormalExpressivity.Transformers.Compilation;
using FormalExpressivity.Transformers.Numeric;
using Snapshooter.NUnit;

namespace FormalExpressivity.Transformers.Tests;

public class PrecisionProbeTests
{
    [Test]
    public void Probe_lengths_cover_the_saturation_points()
    {
        var lengths = PrecisionProbe.Lengths(8, 2100);
        Assert.That(lengths, Is.Ordered.And.Unique);
        Assert.That(lengths, Does.Contain(255).And.Contain(256).And.Contain(257).And.Contain(2047).And.Contain(2048).And.Contain(2049).And.Contain(3));
        Assert.That(lengths.Max(), Is.LessThanOrEqualTo(2100));
    }

    [Test]
    public void Past_a_without_the_fix_probe_report_matches_snapshot()
    {
        // The report (docs/numeric.md) states what this finds: under the stated arithmetic (N/Z with
        // saturating left-to-right sums) no format disagrees with the symbolic model up to the probed length.
        var model = LtlToTransformer.Compile(Ltl.Past(Ltl.Atom("a")), TheoryFormulas.Ab).Model!;
        var rows = new[] { NumberFormat.Bf16, NumberFormat.Fp16, NumberFormat.Fp32 }
            .Select(f => PrecisionProbe.Run(model, f, pastFix: false, dense: 16, maxLength: 2100))
            .Select(r => $"{r.Format} fix={r.PastFix} first={r.FirstLength?.ToString() ?? "none"} probed≤{r.MaxLengthProbed}")
            .ToList();
        Snapshot.Match(string.Join("\n", rows));
    }
}
