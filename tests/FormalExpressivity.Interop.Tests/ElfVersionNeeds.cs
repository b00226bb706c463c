using System.Buffers.Binary;
using System.Text;

namespace FormalExpressivity.Interop.Tests;

/// <summary>
/// Relaxes the symbol-version requirements of an ELF64 shared library that no relocation uses.
/// <para>
/// TorchSharp-cpu 0.107.0's <c>libLibTorchSharp.so</c> was linked with GCC 13 headers, whose
/// <c>&lt;iostream&gt;</c> emits a bare <c>.globl std::ios_base_library_init()</c> reference: the library
/// therefore lists GLIBCXX_3.4.32 among the versions it needs from libstdc++.so.6, although no
/// relocation refers to that symbol (it is never bound or called). Debian 12's libstdc++ defines versions
/// up to GLIBCXX_3.4.30, and the dynamic loader refuses a library whose needed version is missing unless
/// the requirement carries VER_FLG_WEAK (glibc dl-version.c, <c>match_symbol</c>: "Weak references are OK
/// if we do not find the version"). Setting that flag on a requirement no relocation uses changes nothing
/// at run time: a relocated symbol is still bound by name and version, and fails loudly if missing.
/// </para>
/// </summary>
public static class ElfVersionNeeds
{
    private const long DtNull = 0, DtStrtab = 5, DtRela = 7, DtRelaSz = 8, DtPltRelSz = 2, DtJmpRel = 23;
    private const long DtVerSym = 0x6ffffff0, DtVerNeed = 0x6ffffffe, DtVerNeedNum = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>One needed version: the library that must define it, its name, flags, and whether a relocation uses it.</summary>
    /// <param name="File">The needed library (e.g. libstdc++.so.6).</param>
    /// <param name="Version">The version name (e.g. GLIBCXX_3.4.32).</param>
    /// <param name="Weak">Whether VER_FLG_WEAK is set.</param>
    /// <param name="UsedByRelocation">Whether some dynamic relocation's symbol has this version.</param>
    /// <param name="FlagsOffset">File offset of the vna_flags field.</param>
    public sealed record Need(string File, string Version, bool Weak, bool UsedByRelocation, long FlagsOffset);

    /// <summary>Reads the version requirements of an ELF64 little-endian shared library.</summary>
    /// <param name="image">The file's bytes.</param>
    public static IReadOnlyList<Need> Read(byte[] image)
    {
        if (image.Length < 64 || image[0] != 0x7F || image[1] != 'E' || image[2] != 'L' || image[3] != 'F' || image[4] != 2 || image[5] != 1)
            throw new InvalidDataException("not an ELF64 little-endian file");
        long phoff = (long)U64(image, 0x20);
        int phentsize = U16(image, 0x36), phnum = U16(image, 0x38);
        var loads = new List<(ulong VAddr, ulong Offset, ulong Size)>();
        (long Offset, long Size)? dynamic = null;
        for (int i = 0; i < phnum; i++)
        {
            int o = checked((int)(phoff + (long)i * phentsize));
            uint type = U32(image, o);
            if (type == 1) loads.Add((U64(image, o + 16), U64(image, o + 8), U64(image, o + 32)));
            if (type == 2) dynamic = ((long)U64(image, o + 8), (long)U64(image, o + 32));
        }
        if (dynamic is null) throw new InvalidDataException("no PT_DYNAMIC segment");
        long FileOffset(ulong vaddr)
        {
            foreach (var (va, off, size) in loads)
                if (vaddr >= va && vaddr < va + size) return (long)(vaddr - va + off);
            throw new InvalidDataException($"address 0x{vaddr:x} is in no PT_LOAD segment");
        }
        var tags = new Dictionary<long, ulong>();
        for (long o = dynamic.Value.Offset; o + 16 <= dynamic.Value.Offset + dynamic.Value.Size; o += 16)
        {
            long tag = (long)U64(image, (int)o);
            if (tag == DtNull) break;
            tags.TryAdd(tag, U64(image, (int)o + 8));
        }
        if (!tags.TryGetValue(DtVerNeed, out var verneed) || !tags.TryGetValue(DtVerNeedNum, out var verneedNum)) return [];
        long strtab = FileOffset(tags[DtStrtab]);
        string Str(uint offset)
        {
            int start = checked((int)(strtab + offset)), end = start;
            while (image[end] != 0) end++;
            return Encoding.ASCII.GetString(image, start, end - start);
        }

        // version indices (vna_other) that a relocated symbol carries
        var used = new HashSet<int>();
        if (tags.TryGetValue(DtVerSym, out var versym))
        {
            long versymOffset = FileOffset(versym);
            void Scan(long table, long size)
            {
                long at = FileOffset((ulong)table);
                for (long o = at; o + 24 <= at + size; o += 24)
                {
                    uint symbol = (uint)(U64(image, (int)o + 8) >> 32);
                    if (symbol != 0) used.Add(U16(image, checked((int)(versymOffset + 2L * symbol))) & 0x7FFF);
                }
            }
            if (tags.TryGetValue(DtRela, out var rela)) Scan((long)rela, (long)tags[DtRelaSz]);
            if (tags.TryGetValue(DtJmpRel, out var jmprel)) Scan((long)jmprel, (long)tags[DtPltRelSz]);
        }

        var needs = new List<Need>();
        long entry = FileOffset(verneed);
        for (ulong n = 0; n < verneedNum; n++)
        {
            int count = U16(image, (int)entry + 2);
            string file = Str(U32(image, (int)entry + 4));
            long aux = entry + U32(image, (int)entry + 8);
            for (int a = 0; a < count; a++)
            {
                ushort flags = U16(image, (int)aux + 4), other = U16(image, (int)aux + 6);
                needs.Add(new Need(file, Str(U32(image, (int)aux + 8)), (flags & VerFlgWeak) != 0, used.Contains(other), aux + 4));
                aux += U32(image, (int)aux + 12);
            }
            uint next = U32(image, (int)entry + 12);
            if (next == 0) break;
            entry += next;
        }
        return needs;
    }

    /// <summary>
    /// Marks as weak every requirement on <paramref name="file"/> that no relocation uses; returns the
    /// requirements it changed. A requirement that a relocation uses is never touched.
    /// </summary>
    /// <param name="path">The shared library, rewritten in place (atomically).</param>
    /// <param name="file">The needed library whose unused version requirements are relaxed.</param>
    public static IReadOnlyList<Need> RelaxUnused(string path, string file)
    {
        var image = File.ReadAllBytes(path);
        var changed = Read(image).Where(n => n.File == file && !n.Weak && !n.UsedByRelocation).ToList();
        if (changed.Count == 0) return changed;
        foreach (var n in changed)
        {
            ushort flags = U16(image, (int)n.FlagsOffset);
            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan((int)n.FlagsOffset), (ushort)(flags | VerFlgWeak));
        }
        var temporary = path + ".patching";
        File.WriteAllBytes(temporary, image);
        File.Move(temporary, path, overwrite: true);
        return changed;
    }

    private static ushort U16(ReadOnlySpan<byte> s, int o) => BinaryPrimitives.ReadUInt16LittleEndian(s[o..]);
    private static uint U32(ReadOnlySpan<byte> s, int o) => BinaryPrimitives.ReadUInt32LittleEndian(s[o..]);
    private static ulong U64(ReadOnlySpan<byte> s, int o) => BinaryPrimitives.ReadUInt64LittleEndian(s[o..]);
}
