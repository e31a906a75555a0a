namespace Entente.Nlp.Learning;

/// <summary>
/// Trains an averaged perceptron over hashed features (Collins 2002), with lazy averaging so an update
/// touches only the features of one example. Not thread-safe: one trainer belongs to one training run.
/// </summary>
public sealed class PerceptronTrainer
{
    private readonly Dictionary<ulong, Row> _rows = new(1 << 20);
    private long _step;

    public PerceptronTrainer(int classes)
    {
        if (classes is <= 0 or > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(classes));
        Classes = classes;
    }

    public int Classes { get; }

    /// <summary>Number of distinct features seen in updates.</summary>
    public int FeatureCount => _rows.Count;

    /// <summary>Adds the current (not averaged) weights of <paramref name="features"/> into <paramref name="scores"/>.</summary>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var row))
                continue;
            for (var i = 0; i < row.Count; i++)
                scores[row.Class[i]] += row.Weight[i];
        }
    }

    /// <summary>Counts one training example; call once per prediction, whether or not it was right.</summary>
    public void Tick() => _step++;

    /// <summary>Moves weight from <paramref name="guess"/> to <paramref name="truth"/> on every feature.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess)
            return;
        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var row))
            {
                row = new Row();
                _rows[f] = row;
            }

            row.Updates++;
            row.Add((ushort)truth, 1f, _step);
            row.Add((ushort)guess, -1f, _step);
        }
    }

    /// <summary>
    /// The averaged model. Weights whose average magnitude is below <paramref name="minWeight"/> are
    /// pruned: they change almost no decision and would only make the file bigger; so are features that
    /// took part in fewer than <paramref name="minUpdates"/> updates, whose weights rest on too little evidence.
    /// </summary>
    public LinearModel Average(float minWeight = 0.001f, int minUpdates = 1)
    {
        var step = Math.Max(1, _step);
        var keys = new List<ulong>(_rows.Count);
        var starts = new List<int>(_rows.Count + 1) { 0 };
        var classes = new List<ushort>();
        var weights = new List<float>();
        foreach (var (key, row) in _rows)
        {
            if (row.Updates < minUpdates)
                continue;
            var before = classes.Count;
            for (var i = 0; i < row.Count; i++)
            {
                var total = row.Total[i] + (double)row.Weight[i] * (_step - row.Stamp[i]);
                // rounded to half precision here, as the model file stores it, so a saved and reloaded
                // model predicts exactly what the trained one does
                var avg = (float)(Half)(total / step);
                if (Math.Abs(avg) >= minWeight)
                {
                    classes.Add(row.Class[i]);
                    weights.Add(avg);
                }
            }

            if (classes.Count > before)
            {
                keys.Add(key);
                starts.Add(classes.Count);
            }
        }

        return new LinearModel(Classes, keys.ToArray(), starts.ToArray(), classes.ToArray(), weights.ToArray());
    }

    /// <summary>One feature's weights, sparse over classes (most features only ever touch a few).</summary>
    private sealed class Row
    {
        public ushort[] Class = new ushort[2];
        public float[] Weight = new float[2];
        public double[] Total = new double[2];
        public long[] Stamp = new long[2];
        public int Count;
        public int Updates;

        public void Add(ushort cls, float delta, long step)
        {
            var i = 0;
            while (i < Count && Class[i] != cls)
                i++;
            if (i == Count)
            {
                if (Count == Class.Length)
                {
                    var n = Count * 2;
                    Array.Resize(ref Class, n);
                    Array.Resize(ref Weight, n);
                    Array.Resize(ref Total, n);
                    Array.Resize(ref Stamp, n);
                }

                Class[i] = cls;
                Weight[i] = 0;
                Total[i] = 0;
                Stamp[i] = step;
                Count++;
            }

            Total[i] += (double)Weight[i] * (step - Stamp[i]);
            Stamp[i] = step;
            Weight[i] += delta;
        }
    }
}
