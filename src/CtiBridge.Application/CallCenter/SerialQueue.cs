namespace CtiBridge.Application.CallCenter;

/// <summary>
/// Runs asynchronous work one item at a time, in the order it was queued. Each call has one, so
/// the PBX sees a call's commands in order while different calls never wait on each other
/// (no global lock). Work that completes synchronously (the Simulator) runs inline on the
/// caller's thread, including work queued by that work, which keeps simulator tests deterministic
/// whatever synchronization context they run on.
/// </summary>
public sealed class SerialQueue
{
    private readonly Queue<(Func<Task> Work, TaskCompletionSource? Done, Action<Exception>? OnError)> _items = new();
    private bool _running;

    /// <summary>Queues work and returns a task that completes (or faults) with it.</summary>
    public Task RunAsync(Func<Task> work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(work, done, null);
        return done.Task;
    }

    /// <summary>Queues work nobody waits for; a failure goes to <paramref name="onError"/>.</summary>
    public void Post(Func<Task> work, Action<Exception> onError) => Enqueue(work, null, onError);

    private void Enqueue(Func<Task> work, TaskCompletionSource? done, Action<Exception>? onError)
    {
        lock (_items)
        {
            _items.Enqueue((work, done, onError));
            if (_running) return;
            _running = true;
        }
        Drain();
    }

    private void Drain()
    {
        while (true)
        {
            (Func<Task> Work, TaskCompletionSource? Done, Action<Exception>? OnError) item;
            lock (_items)
            {
                if (_items.Count == 0) { _running = false; return; }
                item = _items.Dequeue();
            }
            Task task;
            try { task = item.Work(); }
            catch (Exception ex) { task = Task.FromException(ex); }
            if (task.IsCompleted)
            {
                Complete(item, task);
                continue;
            }
            task.ContinueWith(t => { Complete(item, t); Drain(); }, CancellationToken.None,
                TaskContinuationOptions.None, TaskScheduler.Default);
            return;
        }
    }

    private static void Complete((Func<Task> Work, TaskCompletionSource? Done, Action<Exception>? OnError) item, Task task)
    {
        if (task.IsCompletedSuccessfully) { item.Done?.TrySetResult(); return; }
        var error = task.Exception?.GetBaseException() ?? new TaskCanceledException(task);
        if (item.Done is not null) item.Done.TrySetException(error);
        else item.OnError?.Invoke(error);
    }
}
