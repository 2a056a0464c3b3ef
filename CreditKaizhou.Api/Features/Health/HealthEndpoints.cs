using System.Data.Common;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CreditKaizhou.Api.Features.Health;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddApiHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health");
        group.MapGet("/live", GetLiveness).WithName(nameof(GetLiveness));
        group.MapGet("/ready", GetReadiness).WithName(nameof(GetReadiness));
        return app;
    }

    /// <summary>The process answers; nothing else is checked, so this stays as cheap as a request can be.</summary>
    public static Ok<HealthResponse> GetLiveness() => TypedResults.Ok(new HealthResponse("healthy", []));

    /// <summary>Ready when every readiness check (the database among them) passes; 503 otherwise.</summary>
    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetReadiness(HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), ct);
        var response = new HealthResponse(Status(report.Status),
            report.Entries.Select(e => new HealthCheckResponse(e.Key, Status(e.Value.Status), e.Value.Description)).ToList());
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static string Status(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}

public sealed record HealthResponse(string Status, IReadOnlyList<HealthCheckResponse> Checks);

public sealed record HealthCheckResponse(string Name, string Status, string? Description);

internal sealed class DatabaseHealthCheck(DbDataSource db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using var connection = await db.OpenConnectionAsync(timeout.Token);
            // Reading a migrated table proves more than SELECT 1: the schema is there too.
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM departments", cancellationToken: timeout.Token));
            return HealthCheckResult.Healthy("database reachable and migrated");
        }
        catch (Exception e) when (e is DbException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unavailable: " + e.GetType().Name);
        }
    }
}
