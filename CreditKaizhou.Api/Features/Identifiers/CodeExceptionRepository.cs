using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Identifiers;
using Dapper;

namespace CreditKaizhou.Api.Features.Identifiers;

[SqlQueries]
internal static class CodeExceptionSql
{
    public const string List = """
        SELECT code, reason, created_at
        FROM code_exceptions
        WHERE removed_at IS NULL
        ORDER BY code
        """;

    public const string Insert = """
        INSERT INTO code_exceptions (code, reason, created_at, created_by)
        VALUES (@Code, @Reason, @CreatedAt, @By)
        """;

    public const string Relist = """
        UPDATE code_exceptions
        SET reason = @Reason, created_at = @CreatedAt, created_by = @By, removed_at = NULL, removed_by = NULL
        WHERE code = @Code AND removed_at IS NOT NULL
        """;

    public const string Remove = """
        UPDATE code_exceptions SET removed_at = @At, removed_by = @By
        WHERE code = @Code AND removed_at IS NULL
        """;
}

internal sealed class CodeExceptionRepository(DbDataSource db) : ICodeExceptionRepository
{
    public async Task<IReadOnlyList<CodeException>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(CodeExceptionSql.List, cancellationToken: ct));
        return rows.Select(r => new CodeException(r.Code, r.Reason, r.CreatedAt)).ToList();
    }

    public async Task<bool> AddAsync(CodeException exception, Guid? by, CancellationToken ct)
    {
        var parameters = new { exception.Code, exception.Reason, exception.CreatedAt, By = by };
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CodeExceptionSql.Insert, parameters, cancellationToken: ct));
            return true;
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            return await connection.ExecuteAsync(new CommandDefinition(CodeExceptionSql.Relist, parameters, cancellationToken: ct)) == 1;
        }
    }

    public async Task<bool> RemoveAsync(string code, DateTimeOffset at, Guid? by, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(CodeExceptionSql.Remove, new { Code = code, At = at, By = by }, cancellationToken: ct)) == 1;
    }

    private sealed class Row
    {
        public string Code { get; init; } = "";
        public string Reason { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }
}
