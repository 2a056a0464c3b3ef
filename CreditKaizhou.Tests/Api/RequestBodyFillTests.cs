using CreditKaizhou.Api.Infrastructure.Problems;
using Microsoft.AspNetCore.Http;

namespace CreditKaizhou.Tests.Api;

/// <summary>A body of declared length read as it arrives: small until it proves itself, then never moving.</summary>
public sealed class RequestBodyFillTests
{
    [Test]
    public void RentDeclared_ALargeDeclaredLength_StartsWithASmallBuffer()
    {
        var http = Request(declared: 30 * 1024 * 1024, new MemoryStream());

        using var body = RequestBodyLimit.RentDeclared(http.Request)!;

        Assert.Multiple(() =>
        {
            Assert.That(body.Segment.Array!, Has.Length.LessThanOrEqualTo(256 * 1024), "nothing has arrived: little is held");
            Assert.That(body.IsWhole, Is.False);
        });
    }

    [Test]
    public async Task FillAsync_ReadsEveryByte_AndReportsOnlyWhatNoLongerMoves()
    {
        var data = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(data);
        var http = Request(data.Length, new TrickleStream(data, 5_003));
        using var body = RequestBodyLimit.RentDeclared(http.Request)!;
        var reports = new List<(int Length, byte[] Array)>();

        await RequestBodyLimit.FillAsync(http.Request, body, arrived => reports.Add((arrived.Length, body.Segment.Array!)), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(body.Memory.ToArray(), Is.EqualTo(data));
            Assert.That(reports, Is.Not.Empty);
            Assert.That(reports.Select(r => r.Length), Is.Ordered.Ascending);
            Assert.That(reports.Select(r => r.Array).Distinct().Count(), Is.EqualTo(1), "every report saw the same buffer");
            Assert.That(reports[0].Length, Is.GreaterThanOrEqualTo(256 * 1024), "nothing is reported while the buffer may still move");
        });
    }

    private static DefaultHttpContext Request(long declared, Stream stream)
    {
        var http = new DefaultHttpContext();
        http.Request.ContentLength = declared;
        http.Request.Body = stream;
        return http;
    }

    /// <summary>Gives at most <paramref name="piece"/> bytes per read, as a network does.</summary>
    private sealed class TrickleStream(byte[] data, int piece) : MemoryStream(data, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(piece, buffer.Length)], cancellationToken);
    }
}
