using System.Diagnostics;
using System.Globalization;

namespace CreditKaizhou.Api.Infrastructure.Diagnostics;

/// <summary>
/// <c>Server-Timing: app;dur=…</c> on every response: the milliseconds from the request reaching the service to
/// its response starting. Integrators see the service's share of a slow call; benchmarks read it.
/// </summary>
public static class ServerTiming
{
    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        http.Response.OnStarting(() =>
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            http.Response.Headers["Server-Timing"] = "app;dur=" + elapsed.ToString("0.###", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(http);
    });
}
