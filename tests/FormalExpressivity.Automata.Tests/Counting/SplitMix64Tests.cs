using FormalExpressivity.Core.Randomness;

namespace FormalExpressivity.Automata.Tests.Counting;

public class SplitMix64Tests
{
    [Test]
    public void Matches_the_reference_outputs()
    {
        // Reference values of Vigna's splitmix64.c.
        Assert.That(new SplitMix64(0).NextUInt64(), Is.EqualTo(0xE220A8397B1DCDAFUL));
        var r = new SplitMix64(1234567);
        ulong[] expected = [6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL];
        foreach (var e in expected) Assert.That(r.NextUInt64(), Is.EqualTo(e));
    }

    [Test]
    public void NextBelow_is_uniform_on_a_non_power_of_two_bound()
    {
        var r = new SplitMix64(3);
        var counts = new long[7];
        for (int i = 0; i < 70000; i++) counts[r.NextBelow(7UL)]++;
        var chi = ChiSquare.Statistic(counts, Enumerable.Repeat(10000.0, 7).ToArray());
        Assert.That(chi, Is.LessThan(ChiSquare.Critical(6)));
    }

    [Test]
    public void Big_NextBelow_stays_below_the_bound_and_hits_every_value()
    {
        var r = new SplitMix64(4);
        var bound = new System.Numerics.BigInteger(37);
        var seen = new HashSet<System.Numerics.BigInteger>();
        for (int i = 0; i < 5000; i++)
        {
            var x = r.NextBelow(bound);
            Assert.That(x.Sign >= 0 && x < bound, Is.True);
            seen.Add(x);
        }
        Assert.That(seen, Has.Count.EqualTo(37));
        var big = System.Numerics.BigInteger.Pow(3, 300);
        for (int i = 0; i < 100; i++) Assert.That(r.NextBelow(big) < big, Is.True);
    }
}
