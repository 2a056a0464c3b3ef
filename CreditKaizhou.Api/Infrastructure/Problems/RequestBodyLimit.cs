using System.Buffers;
using CreditKaizhou.Api.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace CreditKaizhou.Api.Infrastructure.Problems;

public sealed class RequestLimitsOptions
{
    public const string Section = "Api";

    /// <summary>Largest request body accepted by default (endpoints such as batch uploads may allow more).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// Enforces the body size cap with a precise 413 problem: at once when Content-Length says the
/// body is too large, and through the server's own limit for chunked bodies.
/// </summary>
public static class RequestBodyLimit
{
    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services)
    {
        services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section);
        return services;
    }

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var limit = EffectiveLimit(http);
        if (http.Request.ContentLength > limit)
        {
            await http.WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, TooLargeDetail(limit), ProblemTypes.BodyTooLarge,
                new Dictionary<string, object?> { ["limitBytes"] = limit });
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(http);
    });

    public static long EffectiveLimit(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestLimitsOptions>>().Value.MaxRequestBodyBytes;

    /// <summary>
    /// The whole body, for endpoints that need all of it, in a buffer rented from <see cref="Bodies"/>: the caller disposes
    /// the result when done with the bytes. The buffer grows as bytes arrive, doubling (with a declared length, which is
    /// already within the limit, up to exactly that length): a client that declares a large body but sends little holds
    /// little memory. Renting spares the garbage collector a batch's megabytes of large-object arrays on every request;
    /// the bytes are cleared when they go back, as a body may hold personal data.
    /// </summary>
    public static async Task<RequestBytes> ReadAllAsync(HttpRequest request, CancellationToken ct)
    {
        var declared = DeclaredLength(request);
        var body = new RequestBytes(Bodies.Rent((int)Math.Min(declared ?? FirstRead, FirstRead)), (int)(declared ?? int.MaxValue));
        try
        {
            await ReadIntoAsync(request, body, size => (int)Math.Min(body.Capacity, 2L * size), arrived: null, ct);
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The pool of body buffers: bodies of up to 64 MiB, four buffers of each size kept. Not the shared pool, which keeps
    /// large arrays per thread: a body is read on one thread and given back on another, so there it was mostly allocated
    /// afresh, a large object per batch.
    /// </summary>
    private static readonly ArrayPool<byte> Bodies = ArrayPool<byte>.Create(maxArrayLength: 64 * 1024 * 1024, maxArraysPerBucket: 4);

    /// <summary>Clears the bytes that were written (the body may hold personal data), not the whole buffer, and returns it.</summary>
    internal static void GiveBack(byte[] buffer, int written)
    {
        buffer.AsSpan(0, written).Clear();
        Bodies.Return(buffer);
    }

    private const int FirstRead = 64 * 1024;

    /// <summary>
    /// For a body of declared length (already within the limit), a buffer to read it into with <see cref="FillAsync"/>;
    /// null without a declared length. The caller disposes it.
    /// </summary>
    public static RequestBytes? RentDeclared(HttpRequest request) =>
        DeclaredLength(request) is { } length ? new RequestBytes(Bodies.Rent((int)Math.Min(length, BeforeWhole)), (int)length) : null;

    /// <summary>The body's declared length (already within the endpoint's limit), when it has one of at most 1 GiB.</summary>
    private static long? DeclaredLength(HttpRequest request) => request.ContentLength is { } length and <= 1L << 30 ? length : null;

    /// <summary>
    /// Reads the body into <paramref name="body"/> (from <see cref="RentDeclared"/>) up to its declared length. The first
    /// <see cref="BeforeWhole"/> bytes go into a small buffer: a client that declares much and sends little holds little.
    /// Then the buffer takes the whole declared length, and from there on what has arrived never moves: each time at
    /// least <see cref="ArrivedStep"/> more bytes have come, <paramref name="arrived"/> is called with the bytes so far,
    /// which the caller may go on reading while the rest arrives.
    /// </summary>
    public static Task FillAsync(HttpRequest request, RequestBytes body, Action<ReadOnlyMemory<byte>> arrived, CancellationToken ct) =>
        ReadIntoAsync(request, body, _ => body.Capacity, arrived, ct);

    /// <summary>
    /// Reads into <paramref name="body"/> until its capacity (the declared length) or the body's end. A full buffer is
    /// replaced by one of the size <paramref name="larger"/> gives for the full one's. With <paramref name="arrived"/>,
    /// once the buffer holds the whole capacity, it is called each time at least <see cref="ArrivedStep"/> more bytes
    /// have come.
    /// </summary>
    private static async Task ReadIntoAsync(HttpRequest request, RequestBytes body, Func<int, int> larger,
        Action<ReadOnlyMemory<byte>>? arrived, CancellationToken ct)
    {
        var told = 0;
        while (body.Length < body.Capacity)
        {
            if (body.Room.Length == 0)
            {
                body.Grow(Bodies.Rent(larger(body.Segment.Array!.Length)));
            }

            var n = await request.Body.ReadAsync(body.Room, ct);
            if (n == 0)
            {
                break;
            }

            body.Advance(n);
            if (arrived is not null && body.IsWhole && body.Length - told >= ArrivedStep)
            {
                told = body.Length;
                arrived(body.Memory);
            }
        }
    }

    private const int BeforeWhole = 256 * 1024;

    private const int ArrivedStep = 64 * 1024;

    public static string TooLargeDetail(long? limit) => limit is { } bytes
        ? Text.T($"请求体超过上限 {bytes} 字节。", $"The request body exceeds the limit of {bytes} bytes.")
        : Text.T("请求体超过上限。", "The request body exceeds the limit.");
}

/// <summary>
/// A request body read whole (<see cref="RequestBodyLimit.ReadAllAsync"/>), or being read into a buffer of its declared
/// length (<see cref="RequestBodyLimit.RentDeclared"/>); disposing gives its buffer back to the pool.
/// </summary>
public sealed class RequestBytes(byte[] buffer, int capacity) : IDisposable
{
    private byte[]? _buffer = buffer;

    /// <summary>How many bytes have been read.</summary>
    public int Length { get; private set; }

    /// <summary>The body's bytes, valid until this is disposed.</summary>
    public ReadOnlyMemory<byte> Memory => Segment;

    /// <summary>The body's bytes as the array that holds them, valid until this is disposed.</summary>
    public ArraySegment<byte> Segment => new(Buffer, 0, Length);

    /// <summary>The declared length.</summary>
    internal int Capacity => capacity;

    /// <summary>Whether the buffer holds the whole declared length, so that what has arrived no longer moves.</summary>
    internal bool IsWhole => Buffer.Length >= capacity;

    /// <summary>Where the next bytes go, up to the declared length and the end of the buffer.</summary>
    internal Memory<byte> Room => Buffer.AsMemory(Length, Math.Min(capacity, Buffer.Length) - Length);

    internal void Advance(int count) => Length += count;

    /// <summary>Moves what has arrived into <paramref name="larger"/> and gives the old buffer back.</summary>
    internal void Grow(byte[] larger)
    {
        var old = Buffer;
        old.AsSpan(0, Length).CopyTo(larger);
        _buffer = larger;
        RequestBodyLimit.GiveBack(old, Length);
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(RequestBytes));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } returned)
        {
            RequestBodyLimit.GiveBack(returned, Length);
        }
    }
}
