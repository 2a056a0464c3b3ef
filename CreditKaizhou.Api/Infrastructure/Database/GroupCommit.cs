using System.Threading.Channels;

namespace CreditKaizhou.Api.Infrastructure.Database;

/// <summary>
/// Group commit: items submitted at about the same time are written by one call of <c>commit</c> (one transaction,
/// one durable flush) instead of one each. <see cref="SubmitAsync"/> returns once the group holding its item has been
/// committed, and throws what the commit threw. One writer loop per instance; the database's locks order the writers
/// of several instances.
/// </summary>
public sealed class GroupCommit<T> : IAsyncDisposable
{
    private const int CoalesceBelow = 8;
    private static readonly TimeSpan CoalesceFor = TimeSpan.FromMilliseconds(1);

    private readonly Func<IReadOnlyList<T>, Task> _commit;
    private readonly int _maxGroup;
    private readonly Channel<(T Item, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(T, TaskCompletionSource)>();
    private readonly Task _writer;

    public GroupCommit(Func<IReadOnlyList<T>, Task> commit, int maxGroup)
    {
        _commit = commit;
        _maxGroup = maxGroup;
        _writer = Task.Run(WriteLoopAsync);
    }

    public async Task SubmitAsync(T item, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((item, done), ct);
        // Once queued the item will be written; the caller learns when, whatever its token says meanwhile.
        await done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            // Under load the callers of the last group are submitting their next items right now: a moment's
            // wait lets them join this group instead of each starting a commit of its own.
            if (reader.CanCount && reader.Count < CoalesceBelow)
            {
                await Task.Delay(CoalesceFor);
            }

            var group = new List<(T Item, TaskCompletionSource Done)>();
            while (group.Count < _maxGroup && reader.TryRead(out var queued))
            {
                group.Add(queued);
            }

            try
            {
                await _commit(group.ConvertAll(g => g.Item));
                group.ForEach(g => g.Done.TrySetResult());
            }
            catch (Exception e)
            {
                group.ForEach(g => g.Done.TrySetException(e));
            }
        }
    }

    /// <summary>Writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }
}
