namespace FormalExpressivity.Core.Randomness;

/// <summary>
/// A source of uniformly distributed 64-bit words. Everything random in the project (samplers,
/// corpus generators) draws from this interface, so that a documented generator such as
/// <see cref="SplitMix64"/> makes every output reproducible across .NET versions
/// (<see cref="System.Random"/>'s algorithm is not specified and may change).
/// </summary>
public interface IRandomSource
{
    /// <summary>The next uniformly distributed 64-bit word.</summary>
    ulong NextUInt64();
}
