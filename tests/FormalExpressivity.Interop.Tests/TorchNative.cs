using TorchSharp;

namespace FormalExpressivity.Interop.Tests;

/// <summary>
/// Makes TorchSharp's native library loadable on this Debian 12 machine before any test touches
/// <see cref="torch"/>: relaxes the libstdc++ version requirements of the copy in the test's output folder
/// that no relocation uses (see <see cref="ElfVersionNeeds"/>), then initializes the CPU backend.
/// </summary>
[SetUpFixture]
public sealed class TorchNative
{
    /// <summary>The output folder's copy of TorchSharp's native library (linux-x64).</summary>
    public static string LibraryPath => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [OneTimeSetUp]
    public void Load()
    {
        if (OperatingSystem.IsLinux() && File.Exists(LibraryPath)) ElfVersionNeeds.RelaxUnused(LibraryPath, "libstdc++.so.6");
        torch.InitializeDeviceType(DeviceType.CPU);
        torch.set_num_threads(1);   // tiny tensors: threads only contend on a shared machine
    }
}
