using System.Collections.Concurrent;

namespace Entente.Nlp.Pipeline;

/// <summary>
/// Runs work items on several threads and hands the results to the caller in input order, with a bounded
/// number in flight so memory stays flat however long the input is.
/// </summary>
public static class OrderedParallel
{
    /// <param name="inputs">Enumerated on a background thread, one item at a time.</param>
    /// <param name="work">Runs on worker threads; must not throw (turn failures into results).</param>
    /// <param name="consume">Runs on the calling thread, in input order.</param>
    /// <param name="degree">Worker threads; 0 means one per core.</param>
    /// <param name="window">Most items read but not yet consumed.</param>
    public static void Run<TIn, TOut>(
        IEnumerable<TIn> inputs, Func<TIn, TOut> work, Action<TOut> consume, int degree = 0, int window = 0,
        CancellationToken cancellation = default)
    {
        if (degree <= 0)
            degree = Environment.ProcessorCount;
        if (window <= 0)
            window = degree * 16;

        if (degree == 1)
        {
            foreach (var item in inputs)
            {
                cancellation.ThrowIfCancellationRequested();
                consume(work(item));
            }

            return;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var token = cts.Token;
        using var slots = new SemaphoreSlim(window, window);
        using var queue = new BlockingCollection<(long Seq, TIn Item)>(window);
        var results = new Dictionary<long, TOut>();
        var gate = new object();
        long produced = -1;
        Exception? failure = null;
        var done = false;

        var producer = new Thread(() =>
        {
            long seq = 0;
            try
            {
                foreach (var item in inputs)
                {
                    slots.Wait(token);
                    queue.Add((seq++, item), token);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                lock (gate)
                    failure ??= e;
            }
            finally
            {
                queue.CompleteAdding();
                lock (gate)
                {
                    produced = seq;
                    Monitor.PulseAll(gate);
                }
            }
        }) { IsBackground = true, Name = "entente-reader" };

        var workers = new Thread[degree];
        for (var w = 0; w < degree; w++)
        {
            workers[w] = new Thread(() =>
            {
                try
                {
                    foreach (var (seq, item) in queue.GetConsumingEnumerable(token))
                    {
                        var r = work(item);
                        lock (gate)
                        {
                            results[seq] = r;
                            Monitor.PulseAll(gate);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        failure ??= e;
                        done = true;
                        Monitor.PulseAll(gate);
                    }
                }
            }) { IsBackground = true, Name = "entente-worker-" + w };
        }

        producer.Start();
        foreach (var t in workers)
            t.Start();

        long next = 0;
        while (true)
        {
            TOut result;
            lock (gate)
            {
                while (!results.ContainsKey(next) && !(produced >= 0 && next >= produced) && !done && !cancellation.IsCancellationRequested)
                    Monitor.Wait(gate, 100);
                if (failure is not null || cancellation.IsCancellationRequested)
                {
                    cts.Cancel();
                    break;
                }
                if (!results.Remove(next, out result!))
                    break;
            }

            try
            {
                consume(result);
            }
            catch (Exception e)
            {
                // The consumer failed (a closed pipe, a full disk): stop everything before the shared
                // collections are disposed, then let the caller see the exception.
                lock (gate)
                    failure ??= e;
                break;
            }

            slots.Release();
            next++;
        }

        if (failure is not null)
            cts.Cancel();
        foreach (var t in workers)
            t.Join();
        producer.Join();
        if (failure is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        cancellation.ThrowIfCancellationRequested();
    }
}
