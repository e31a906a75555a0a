using Entente.Nlp.Pipeline;

namespace Entente.Tests.Nlp;

public sealed class OrderedParallelTests
{
    [Fact]
    public void Results_ArriveInInputOrder_WhateverTheWorkTakes()
    {
        var seen = new List<int>();
        OrderedParallel.Run(
            Enumerable.Range(0, 500),
            i =>
            {
                Thread.SpinWait((500 - i) * 50 % 7919);
                return i * 2;
            },
            seen.Add,
            degree: 4,
            window: 16,
            cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => i * 2), seen);
    }

    [Fact]
    public void ConsumerThatThrows_StopsTheRunAndTheCallerGetsItsException()
    {
        var consumed = 0;
        var e = Assert.Throws<IOException>(() => OrderedParallel.Run(
            Enumerable.Range(0, 10_000),
            i => i,
            i =>
            {
                if (++consumed == 50)
                    throw new IOException("broken pipe");
            },
            degree: 3,
            window: 8,
            cancellation: TestContext.Current.CancellationToken));
        Assert.Equal("broken pipe", e.Message);
        Assert.Equal(50, consumed);
    }

    [Fact]
    public void WorkThatThrows_SurfacesTheOriginalException()
    {
        var e = Assert.Throws<InvalidOperationException>(() => OrderedParallel.Run(
            Enumerable.Range(0, 1000),
            i => i == 123 ? throw new InvalidOperationException("bad item") : i,
            _ => { },
            degree: 2,
            cancellation: TestContext.Current.CancellationToken));
        Assert.Equal("bad item", e.Message);
    }

    [Fact]
    public void ReaderThatThrows_SurfacesTheOriginalException()
    {
        static IEnumerable<int> Items()
        {
            for (var i = 0; i < 100; i++)
                yield return i;
            throw new InvalidDataException("truncated input");
        }

        var count = 0;
        Assert.Throws<InvalidDataException>(() => OrderedParallel.Run(Items(), i => i, _ => count++, degree: 2, cancellation: TestContext.Current.CancellationToken));
        Assert.Equal(100, count);
    }
}
