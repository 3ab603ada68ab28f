namespace CtiBridge.Application.CallCenter;

/// <summary>
/// Runs asynchronous work one item at a time, in the order it was queued. Each call has one, so
/// the PBX sees a call's commands in order while different calls never wait on each other
/// (no global lock). Work that completes synchronously (the Simulator) runs inline.
/// </summary>
public sealed class SerialQueue
{
    private readonly object _gate = new();
    private Task _tail = Task.CompletedTask;

    /// <summary>Queues <paramref name="work"/>; the returned task completes (or faults) with it.</summary>
    public async Task RunAsync(Func<Task> work)
    {
        var done = new TaskCompletionSource();
        Task previous;
        lock (_gate)
        {
            previous = _tail;
            _tail = done.Task;
        }
        try
        {
            await previous.ConfigureAwait(false);
            await work().ConfigureAwait(false);
        }
        finally
        {
            done.SetResult();
        }
    }
}
