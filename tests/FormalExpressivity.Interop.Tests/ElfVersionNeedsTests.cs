namespace FormalExpressivity.Interop.Tests;

public class ElfVersionNeedsTests
{
    [Test]
    public void Only_requirements_that_no_relocation_uses_are_relaxed_and_relaxing_is_idempotent()
    {
        if (!File.Exists(TorchNative.LibraryPath)) Assert.Ignore("no linux-x64 TorchSharp native library in the output folder");
        var needs = ElfVersionNeeds.Read(File.ReadAllBytes(TorchNative.LibraryPath));
        Assert.That(needs.Where(n => n.File == "libstdc++.so.6").Select(n => n.Version), Does.Contain("GLIBCXX_3.4.21"));
        // the requirement this machine's libstdc++ (GLIBCXX ≤ 3.4.30) lacks: referenced by no relocation, now weak
        var newest = needs.Single(n => n.Version == "GLIBCXX_3.4.32");
        Assert.That((newest.UsedByRelocation, newest.Weak), Is.EqualTo((false, true)));
        // requirements that bind symbols are untouched
        Assert.That(needs.Where(n => n.UsedByRelocation).All(n => !n.Weak), Is.True);
        Assert.That(needs.Count(n => n.UsedByRelocation), Is.GreaterThan(5));
        string copy = Path.Combine(Path.GetTempPath(), "fex-elf-" + Guid.NewGuid().ToString("N")[..8] + ".so");
        try
        {
            File.Copy(TorchNative.LibraryPath, copy);
            Assert.That(ElfVersionNeeds.RelaxUnused(copy, "libstdc++.so.6"), Is.Empty);
            Assert.That(File.ReadAllBytes(copy), Is.EqualTo(File.ReadAllBytes(TorchNative.LibraryPath)));
        }
        finally { File.Delete(copy); }
        Assert.That(() => ElfVersionNeeds.Read([1, 2, 3]), Throws.InstanceOf<InvalidDataException>());
    }
}
