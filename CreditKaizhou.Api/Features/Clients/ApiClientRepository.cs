using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Clients;
using Dapper;

namespace CreditKaizhou.Api.Features.Clients;

[SqlQueries]
internal static class ApiClientSql
{
    private const string Columns = "id, name, role, department_code, key_hint, created_at, revoked_at";

    public const string FindActiveByKeyHash = $"""
        SELECT {Columns}
        FROM api_clients
        WHERE key_hash = @KeyHash AND revoked_at IS NULL
        """;

    public const string Get = $"""
        SELECT {Columns}
        FROM api_clients
        WHERE id = @Id
        """;

    public const string Count = """
        SELECT COUNT(*) FROM api_clients
        WHERE @IncludeRevoked = 1 OR revoked_at IS NULL
        """;

    public static string List(SqlDialect d) => $"""
        SELECT {Columns}
        FROM api_clients
        WHERE @IncludeRevoked = 1 OR revoked_at IS NULL
        ORDER BY created_at, id
        {d.Page}
        """;

    public const string Insert = """
        INSERT INTO api_clients (id, name, role, department_code, key_hash, key_hint, created_at, created_by)
        VALUES (@Id, @Name, @Role, @DepartmentCode, @KeyHash, @KeyHint, @CreatedAt, @CreatedBy)
        """;

    public const string Revoke = """
        UPDATE api_clients SET revoked_at = @At, revoked_by = @RevokedBy
        WHERE id = @Id AND revoked_at IS NULL
        """;
}

internal sealed class ApiClientRepository(DbDataSource db, SqlDialect dialect) : IApiClientRepository
{
    private readonly string _list = ApiClientSql.List(dialect);

    public async Task<ApiClient?> FindActiveByKeyHashAsync(string keyHash, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ClientRow>(new CommandDefinition(ApiClientSql.FindActiveByKeyHash, new { KeyHash = keyHash }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<ApiClient?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ClientRow>(new CommandDefinition(ApiClientSql.Get, new { Id = id }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<(IReadOnlyList<ApiClient> Items, int Total)> ListAsync(int skip, int take, bool includeRevoked, CancellationToken ct)
    {
        var parameters = new { Skip = skip, Take = take, IncludeRevoked = includeRevoked ? 1 : 0 };
        await using var connection = await db.OpenConnectionAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(ApiClientSql.Count, parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<ClientRow>(new CommandDefinition(_list, parameters, cancellationToken: ct));
        return (rows.Select(r => r.ToDomain()).ToList(), total);
    }

    public async Task<bool> AddAsync(ApiClient client, string keyHash, Guid? createdBy, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(ApiClientSql.Insert, new
            {
                client.Id,
                client.Name,
                Role = client.Role.ToCode(),
                client.DepartmentCode,
                KeyHash = keyHash,
                client.KeyHint,
                client.CreatedAt,
                CreatedBy = createdBy,
            }, cancellationToken: ct));
            return true;
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<bool> RevokeAsync(Guid id, DateTimeOffset at, Guid? revokedBy, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(ApiClientSql.Revoke, new { Id = id, At = at, RevokedBy = revokedBy }, cancellationToken: ct));
        return changed == 1;
    }

    private sealed class ClientRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
        public string? DepartmentCode { get; init; }
        public string KeyHint { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }

        public ApiClient ToDomain() => new(Id, Name,
            ClientRoles.TryParse(Role, out var role) ? role : throw new InvalidOperationException($"Unknown role '{Role}' stored for client {Id}."),
            DepartmentCode, KeyHint, CreatedAt, RevokedAt);
    }
}
