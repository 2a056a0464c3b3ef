using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CreditKaizhou.Api.Infrastructure.Database;

public static class DbErrors
{
    /// <summary>
    /// True when the statement broke a primary-key or unique constraint. Letting the database
    /// decide (instead of checking first) is what keeps two concurrent inserts from both passing.
    /// </summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException e => e.SqliteExtendedErrorCode is 1555 or 2067, // SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException e => e.Number is 2627 or 2601,
        _ => false,
    };
}
