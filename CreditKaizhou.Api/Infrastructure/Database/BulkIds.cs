using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CreditKaizhou.Api.Infrastructure.Database;

/// <summary>
/// Version 7 GUIDs (RFC 9562) for one bulk write, as <see cref="Guid.CreateVersion7()"/> makes them (the system clock's
/// milliseconds, then random bits from the system's secure generator), but with the random bits drawn <see cref="Draw"/> ids
/// at a time: <see cref="Guid.CreateVersion7()"/> asks the kernel for 16 bytes for every id, one system call each, on the
/// thread that writes the batch. Not thread-safe: one writer uses it at a time.
/// </summary>
internal sealed class BulkIds
{
    internal const int Draw = 256;

    private readonly byte[] _random = new byte[Draw * 16];
    private int _next = Draw;

    public Guid Next()
    {
        if (_next == Draw)
        {
            RandomNumberGenerator.Fill(_random);
            _next = 0;
        }

        Span<byte> bytes = stackalloc byte[16];
        _random.AsSpan(_next++ * 16, 16).CopyTo(bytes);
        // The first 48 bits are the Unix time in milliseconds, big-endian: ids sort by the time they were made.
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        time[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // variant 10xx (RFC 9562)
        return new Guid(bytes, bigEndian: true);
    }
}
