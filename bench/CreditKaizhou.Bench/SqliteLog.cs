using System.Runtime.InteropServices;

namespace CreditKaizhou.Bench;

/// <summary>
/// Reads how far SQLite's write-ahead log reaches from the header of its index, the database's "-shm" file
/// (https://sqlite.org/walformat.html, "The WAL-Index Format"): mxFrame, the last valid frame (one frame is one page), at
/// offset 16, and the salts at offset 32, which change whenever the log starts again from its beginning. The header is in
/// the machine's byte order; this benchmark runs on little-endian machines.
/// </summary>
public sealed class SqliteLog(string database)
{
    private readonly string _index = database + "-shm";

    public readonly record struct State(uint Frames, ulong Salts);

    public State Read()
    {
        Span<byte> header = stackalloc byte[40];
        using var file = new FileStream(_index, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        file.ReadExactly(header);
        return new State(MemoryMarshal.Read<uint>(header[16..]), MemoryMarshal.Read<ulong>(header[32..]));
    }

    /// <summary>The pages written between two readings: all frames now in the log if it started again between them.</summary>
    public static double Written(State before, State after) =>
        after.Salts == before.Salts && after.Frames >= before.Frames ? after.Frames - before.Frames : after.Frames;
}
