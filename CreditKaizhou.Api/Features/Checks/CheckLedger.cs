using System.Data.Common;
using System.Threading.Channels;
using CreditKaizhou.Api.Features.Checks.Receipts;
using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Database;
using Dapper;

namespace CreditKaizhou.Api.Features.Checks;

[SqlQueries]
internal static class CheckLedgerSql
{
    public const string LeavesFrom = "SELECT leaf_index, leaf_hash FROM checks WHERE leaf_index >= @From ORDER BY leaf_index";

    public const string Insert = """
        INSERT INTO checks (id, client_id, context, as_of, known_at, checked_at, data_version, project_code, request_json, results_json,
            leaf_index, leaf_hash)
        VALUES (@Id, @ClientId, @Context, @AsOf, @KnownAt, @CheckedAt, @DataVersion, @ProjectCode, @RequestJson, @ResultsJson,
            @LeafIndex, @LeafHash)
        """;

    public const string InsertHead = """
        INSERT INTO tree_heads (tree_size, root_hash, signed_at, key_id, algorithm, signature)
        VALUES (@TreeSize, @RootHash, @SignedAt, @KeyId, @Algorithm, @Signature)
        """;

    public static string HeadCovering(SqlDialect d) => $"""
        SELECT tree_size, root_hash, signed_at, key_id, algorithm, signature
        FROM tree_heads
        WHERE tree_size > @LeafIndex
        ORDER BY tree_size
        {d.Page}
        """;
}

/// <summary>A check to store: its row, the hash of its leaf, and its access-log entry.</summary>
public sealed record PendingCheck(Guid Id, Guid ClientId, string Context, DateOnly AsOf, DateTimeOffset KnownAt, DateTimeOffset CheckedAt,
    long DataVersion, string? ProjectCode, string RequestJson, string ResultsJson, byte[] LeafHash, AuditRecord Audit);

/// <summary>
/// The append-only log of checks. Checks arriving together are stored in one transaction and covered by one
/// signed tree head (group commit): an SM2 signature costs about half a millisecond, so signing each check on
/// its own would cap checks far below the service's other limits. Each instance keeps the Merkle tree in memory
/// and, under the database's write lock, first takes in the leaves other instances appended.
/// </summary>
public sealed class CheckLedger : IAsyncDisposable
{
    private const int MaxGroup = 1000;
    private const int CoalesceBelow = 8;
    private static readonly TimeSpan CoalesceFor = TimeSpan.FromMilliseconds(1);

    private readonly DbDataSource _db;
    private readonly SqlDialect _dialect;
    private readonly ReceiptSigner _signer;
    private readonly AccessAuditChain _audit;
    private readonly TimeProvider _clock;
    private readonly ILogger<CheckLedger> _logger;
    private MerkleLog _log = new(Sm3TreeHash.Instance);
    private readonly SemaphoreSlim _logLock = new(1, 1);
    private readonly Channel<(PendingCheck Check, TaskCompletionSource<CheckReceipt> Done)> _queue =
        Channel.CreateUnbounded<(PendingCheck, TaskCompletionSource<CheckReceipt>)>(); // (a single-reader channel cannot count)
    private readonly string? _writeLock;
    private readonly string _headCovering;
    private readonly Task _writer;

    public CheckLedger(DbDataSource db, SqlDialect dialect, ReceiptSigner signer, AccessAuditChain audit, TimeProvider clock,
        ILogger<CheckLedger> logger)
    {
        _db = db;
        _dialect = dialect;
        _signer = signer;
        _audit = audit;
        _clock = clock;
        _logger = logger;
        _writeLock = dialect.WriteLock;
        _headCovering = CheckLedgerSql.HeadCovering(dialect);
        _writer = Task.Run(WriteLoopAsync);
    }

    private int _coming;

    /// <summary>
    /// Announces a check that will be appended shortly (its evaluation is under way), until the returned scope ends or
    /// the check is appended: the writer waits a moment for announced checks to join its group, and only for them.
    /// </summary>
    public Announcement Announce()
    {
        Interlocked.Increment(ref _coming);
        return new Announcement(this);
    }

    public sealed class Announcement(CheckLedger ledger) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                Interlocked.Decrement(ref ledger._coming);
            }
        }
    }

    /// <summary>Stores the check and returns its receipt once a signed tree head covers it.</summary>
    public async Task<CheckReceipt> AppendAsync(PendingCheck check, CancellationToken ct, Announcement? announced = null)
    {
        // No longer coming but here: the writer must not wait for this check to arrive.
        announced?.Dispose();
        var done = new TaskCompletionSource<CheckReceipt>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((check, done), ct);
        return await done.Task;
    }

    /// <summary>The receipt of a stored check: its path to the first signed head that covers it.</summary>
    public async Task<CheckReceipt?> ReceiptAsync(long leafIndex, string leafHash, CancellationToken ct)
    {
        await using var connection = await _db.OpenConnectionAsync(ct);
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(_headCovering,
            new { LeafIndex = leafIndex, Skip = 0, Take = 1 }, cancellationToken: ct));
        if (head is null)
        {
            return null;
        }

        await _logLock.WaitAsync(ct);
        try
        {
            await CatchUpAsync(connection, null, ct);
            return Receipt(leafIndex, leafHash, head.TreeSize, head.RootHash, head.SignedAt, head.Algorithm, head.KeyId, head.Signature);
        }
        finally
        {
            _logLock.Release();
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            // Under load the clients of the last group are sending their next checks right now: a moment's wait
            // lets them join this group instead of each starting a commit of its own. With none announced, waiting
            // would only delay the checks at hand (a single client checking one tender after another).
            if (reader.CanCount && reader.Count < CoalesceBelow && Volatile.Read(ref _coming) > 0)
            {
                await Task.Delay(CoalesceFor);
            }

            var group = new List<(PendingCheck Check, TaskCompletionSource<CheckReceipt> Done)>();
            while (group.Count < MaxGroup && reader.TryRead(out var item))
            {
                group.Add(item);
            }

            try
            {
                var receipts = await WriteGroupAsync(group.Select(g => g.Check).ToList());
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Done.TrySetResult(receipts[i]);
                }
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Storing {Count} checks failed", group.Count);
                foreach (var (_, done) in group)
                {
                    done.TrySetException(e);
                }
            }
        }
    }

    private async Task<IReadOnlyList<CheckReceipt>> WriteGroupAsync(IReadOnlyList<PendingCheck> checks)
    {
        await _logLock.WaitAsync();
        try
        {
            await using var connection = await _db.OpenConnectionAsync();
            await using var tx = await connection.BeginTransactionAsync();
            if (_writeLock is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(_writeLock, transaction: tx));
            }

            await CatchUpAsync(connection, tx, default);
            var first = _log.Size;
            await using (var insert = new BulkCommand(connection, tx, CheckLedgerSql.Insert, "Id", "ClientId", "Context", "AsOf", "KnownAt",
                "CheckedAt", "DataVersion", "ProjectCode", "RequestJson", "ResultsJson", "LeafIndex", "LeafHash"))
            {
                for (var i = 0; i < checks.Count; i++)
                {
                    var c = checks[i];
                    await insert.AddAsync(default, c.Id, c.ClientId, c.Context, c.AsOf, c.KnownAt, c.CheckedAt, c.DataVersion, c.ProjectCode,
                        c.RequestJson, c.ResultsJson, first + i, Convert.ToHexStringLower(c.LeafHash));
                    _log.AppendLeafHash(c.LeafHash);
                }

                await insert.FlushAsync(default);
            }

            // Each check's access-log entry commits with it, in the same transaction.
            await _audit.AppendAsync(connection, tx, checks.Select(c => c.Audit).ToList(), default);

            // The head is signed and stored in the same transaction as its checks: one durable commit per group.
            var head = new TreeHead(_log.Size, _log.RootHash(), Microseconds(_clock.GetUtcNow()));
            var signed = _signer.Sign(head);
            await connection.ExecuteAsync(new CommandDefinition(CheckLedgerSql.InsertHead, new
            {
                head.TreeSize, RootHash = Convert.ToHexStringLower(head.RootHash), SignedAt = head.Timestamp, signed.KeyId, signed.Algorithm,
                signed.Signature,
            }, tx));
            await tx.CommitAsync();
            return checks.Select((c, i) => Receipt(first + i, Convert.ToHexStringLower(c.LeafHash), head.TreeSize,
                Convert.ToHexStringLower(head.RootHash), head.Timestamp, signed.Algorithm, signed.KeyId, signed.Signature)).ToList();
        }
        catch
        {
            // The tree in memory may hold leaves that were never committed: rebuild it from the database.
            _log = new MerkleLog(Sm3TreeHash.Instance);
            throw;
        }
        finally
        {
            _logLock.Release();
        }
    }

    /// <summary>Appends to the in-memory tree the leaves stored since it was last read (by any instance).</summary>
    private async Task CatchUpAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        var leaves = await connection.QueryAsync<LeafRow>(new CommandDefinition(CheckLedgerSql.LeavesFrom, new { From = _log.Size }, tx, cancellationToken: ct));
        foreach (var leaf in leaves)
        {
            if (leaf.LeafIndex != _log.Size)
            {
                throw new InvalidOperationException($"The check log has a gap at leaf {_log.Size}.");
            }

            _log.AppendLeafHash(Convert.FromHexString(leaf.LeafHash));
        }
    }

    private CheckReceipt Receipt(long leafIndex, string leafHash, long treeSize, string rootHash, DateTimeOffset signedAt, string algorithm,
        string keyId, string signature) => new(algorithm, keyId, signature, treeSize, rootHash, signedAt, leafIndex, leafHash,
        _log.InclusionProof(leafIndex, treeSize).Select(Convert.ToHexStringLower).ToList());

    /// <summary>PostgreSQL keeps microseconds: a signed time must survive the round trip exactly.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed class LeafRow
    {
        public long LeafIndex { get; init; }
        public string LeafHash { get; init; } = "";
    }

    private sealed class HeadRow
    {
        public long TreeSize { get; init; }
        public string RootHash { get; init; } = "";
        public DateTimeOffset SignedAt { get; init; }
        public string KeyId { get; init; } = "";
        public string Algorithm { get; init; } = "";
        public string Signature { get; init; } = "";
    }
}
