using Entente.Nlp.Documents;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Parsing;

/// <summary>
/// How far the parser looks beyond its greedy choices (selectional branching, after Choi and McCallum
/// 2013): the <see cref="Branches"/> closest calls of the greedy parse, those where the best transition
/// of another move (shift, left arc, right arc) scored less than <see cref="Margin"/> below the chosen
/// one, are parsed again from there with that runner-up, and the sentence keeps the parse with the
/// highest total score. Every parse of a sentence takes the same 2n transitions, so the totals compare.
/// Zero branches is plain greedy parsing.
/// </summary>
public readonly record struct ParserSearch(int Branches, float Margin)
{
    /// <summary>Plain greedy parsing: one transition sequence, fastest.</summary>
    public static ParserSearch Greedy { get; } = new(0, 0);

    /// <summary>
    /// Up to four branches at calls closer than 10 (the shipped model's transition scores run in the
    /// hundreds). Tuned on EWT and GUM dev with predicted tags: more branches or a wider margin buy little
    /// accuracy for much more time (README, models).
    /// </summary>
    public static ParserSearch Default { get; } = new(4, 10f);
}

/// <summary>Parses one sentence at a time with reused buffers; one instance per thread.</summary>
public sealed class SentenceParser
{
    private readonly ParserModel _model;
    private readonly ulong[] _features = new ulong[ParserFeatures.MaxFeatures];
    private readonly float[] _scores = new float[ArcHybrid.ClassCount(ParserModel.LabelCount)];

    // the greedy run's transitions with their scores, the current branch's and the best run's transitions
    private int[] _greedyMoves = new int[128];
    private float[] _greedyScores = new float[128];
    private int[] _runMoves = new int[128];
    private int[] _bestMoves = new int[128];

    // the greedy run's scores by step and a table from a step's feature key to that step: a branch that
    // meets a configuration with exactly the greedy run's features reuses its scores instead of scoring
    private readonly bool _reuseScores;
    private float[] _scoreRows = [];
    private ulong[] _memoKeys = [];
    private int[] _memoSteps = [];

    // the closest calls of the greedy run, closest first: margin, step, second-best transition and its score
    private readonly float[] _branchMargin;
    private readonly int[] _branchStep;
    private readonly int[] _branchMove;
    private readonly float[] _branchScore;

    public SentenceParser(ParserModel model)
        : this(model, ParserSearch.Default)
    {
    }

    public SentenceParser(ParserModel model, ParserSearch search)
        : this(model, search, reuseScores: true)
    {
    }

    /// <param name="reuseScores">false scores every configuration of a branch afresh (the same parse, slower; for tests).</param>
    internal SentenceParser(ParserModel model, ParserSearch search, bool reuseScores)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(search.Branches);
        _model = model;
        Search = search;
        _reuseScores = reuseScores && search.Branches > 0;
        _branchMargin = new float[search.Branches];
        _branchStep = new int[search.Branches];
        _branchMove = new int[search.Branches];
        _branchScore = new float[search.Branches];
    }

    public ParserInput Input { get; } = new();

    public ParseState State { get; } = new();

    public ParserSearch Search { get; }

    /// <summary>Transitions scored by the last <see cref="Parse"/>: at most 2n when greedy, more for each branch.</summary>
    public int ScoredSteps { get; private set; }

    /// <summary>Configurations of the last <see cref="Parse"/>'s branches whose scores were the greedy run's, not scored again.</summary>
    public int ReusedSteps { get; private set; }

    /// <summary>The total score of the transitions of the last parse (the highest of the runs tried).</summary>
    public double Score { get; private set; }

    /// <summary>Parses <see cref="Input"/>; the result is in <see cref="State"/> (Head = Length for the root).</summary>
    public void Parse()
    {
        var steps = 2 * Input.Length;
        if (_greedyMoves.Length < steps)
        {
            var n = Math.Max(steps, _greedyMoves.Length * 2);
            _greedyMoves = new int[n];
            _greedyScores = new float[n];
            _runMoves = new int[n];
            _bestMoves = new int[n];
        }

        if (_reuseScores)
            PrepareMemo(steps);
        ScoredSteps = 0;
        ReusedSteps = 0;
        var branches = RunGreedy();
        var bestTotal = 0.0;
        for (var i = 0; i < steps; i++)
            bestTotal += _greedyScores[i];
        Score = bestTotal;
        if (branches == 0)
            return;
        var bestBranch = -1;
        for (var b = 0; b < branches; b++)
        {
            var total = RunBranch(_branchStep[b], _branchMove[b], _branchScore[b]);
            if (total > bestTotal)
            {
                bestTotal = total;
                bestBranch = b;
                Array.Copy(_runMoves, _bestMoves, steps);
            }
        }

        Score = bestTotal;

        // State holds the last branch's parse; bring back the best one unless that was it
        if (bestBranch != branches - 1)
            Replay(bestBranch < 0 ? _greedyMoves : _bestMoves, steps);
    }

    /// <summary>
    /// The greedy parse, remembering each transition with its score and the closest calls; returns how
    /// many closest calls are worth a branch.
    /// </summary>
    private int RunGreedy()
    {
        var labels = ParserModel.LabelCount;
        var s = State;
        s.Reset(Input.Length, ParserModel.RootLabel);
        var found = 0;
        var limit = _branchMargin.Length;
        for (var step = 0; !s.IsTerminal; step++)
        {
            int best;
            if (limit == 0 || OnlyLegal(s) >= 0)
            {
                best = ScoreAndChoose(s, reuse: false);
            }
            else
            {
                // the runner-up is the best transition of another move: another label on the same arc
                // rarely changes the rest of the parse, so it is not worth one
                ScoreTransitions(s, step, record: _reuseScores);
                var shift = BestOfMove(s, _scores, labels, 0);
                var left = BestOfMove(s, _scores, labels, 1);
                var right = BestOfMove(s, _scores, labels, 2);
                best = Better(Better(shift, left), right);
                var second = best == shift ? Better(left, right) : best == left ? Better(shift, right) : Better(shift, left);
                var margin = second < 0 ? float.PositiveInfinity : _scores[best] - _scores[second];
                if (margin < Search.Margin && (found < limit || margin < _branchMargin[found - 1]))
                    found = InsertBranch(found, margin, step, second, _scores[second]);
            }

            _greedyMoves[step] = best;
            _greedyScores[step] = _scores[best];
            s.Apply(best, labels);
        }

        return found;
    }

    /// <summary>The one legal class when there is no choice, else -1.</summary>
    private static int OnlyLegal(ParseState s)
    {
        if (s.CanRight)
            return -1;
        if (!s.CanLeft)
            return ArcHybrid.Shift;
        return s.Buffer == s.Length ? ArcHybrid.Left(s.RootLabel) : -1;
    }

    /// <summary>Of two classes (-1 for none), the higher-scoring; the first on ties.</summary>
    private int Better(int a, int b) => b < 0 || (a >= 0 && _scores[a] >= _scores[b]) ? a : b;

    /// <summary>Keeps the branch list sorted by margin and at most its capacity long; returns its new length.</summary>
    private int InsertBranch(int count, float margin, int step, int move, float score)
    {
        var i = count < _branchMargin.Length ? count : count - 1;
        while (i > 0 && _branchMargin[i - 1] > margin)
        {
            _branchMargin[i] = _branchMargin[i - 1];
            _branchStep[i] = _branchStep[i - 1];
            _branchMove[i] = _branchMove[i - 1];
            _branchScore[i] = _branchScore[i - 1];
            i--;
        }

        _branchMargin[i] = margin;
        _branchStep[i] = step;
        _branchMove[i] = move;
        _branchScore[i] = score;
        return Math.Min(count + 1, _branchMargin.Length);
    }

    /// <summary>Follows the greedy run up to <paramref name="at"/>, takes <paramref name="move"/> there and parses on greedily; returns the total score.</summary>
    private double RunBranch(int at, int move, float moveScore)
    {
        var labels = ParserModel.LabelCount;
        var s = State;
        s.Reset(Input.Length, ParserModel.RootLabel);
        var total = 0.0;
        for (var step = 0; step < at; step++)
        {
            total += _greedyScores[step];
            _runMoves[step] = _greedyMoves[step];
            s.Apply(_greedyMoves[step], labels);
        }

        _runMoves[at] = move;
        total += moveScore;
        s.Apply(move, labels);
        for (var step = at + 1; !s.IsTerminal; step++)
        {
            var best = ScoreAndChoose(s, reuse: _reuseScores);
            total += _scores[best];
            _runMoves[step] = best;
            s.Apply(best, labels);
        }

        return total;
    }

    private void Replay(int[] moves, int steps)
    {
        var labels = ParserModel.LabelCount;
        State.Reset(Input.Length, ParserModel.RootLabel);
        for (var step = 0; step < steps; step++)
            State.Apply(moves[step], labels);
    }

    /// <summary>
    /// The best legal transition. When only one is legal (SHIFT on an empty stack, the root arc at the
    /// end) it is taken without scoring, and its score counts as 0 in a run's total.
    /// </summary>
    private int ScoreAndChoose(ParseState s, bool reuse)
    {
        var only = OnlyLegal(s);
        if (only >= 0)
        {
            _scores[only] = 0;
            return only;
        }

        if (reuse)
            ReuseOrScore(s);
        else
            ScoreTransitions(s, -1, record: false);
        return BestLegal(s, _scores, ParserModel.LabelCount);
    }

    /// <summary>Scores the transitions of <paramref name="s"/>; with <paramref name="record"/>, keeps the scores as those of greedy step <paramref name="step"/>.</summary>
    private void ScoreTransitions(ParseState s, int step, bool record)
    {
        var n = ParserFeatures.Extract(Input, s, _features);
        Array.Clear(_scores);
        _model.Weights.AddScores(_features.AsSpan(0, n), _scores);
        ScoredSteps++;
        if (!record)
            return;
        Array.Copy(_scores, 0, _scoreRows, step * _scores.Length, _scores.Length);
        var mask = _memoKeys.Length - 1;
        var key = KeyOf(_features.AsSpan(0, n));
        var i = (int)(key & (ulong)mask);
        while (_memoKeys[i] != 0 && _memoKeys[i] != key)
            i = (i + 1) & mask;
        _memoKeys[i] = key;
        _memoSteps[i] = step;
    }

    /// <summary>The greedy run's scores when it met the same features, else fresh ones.</summary>
    private void ReuseOrScore(ParseState s)
    {
        var n = ParserFeatures.Extract(Input, s, _features);
        var mask = _memoKeys.Length - 1;
        var key = KeyOf(_features.AsSpan(0, n));
        for (var i = (int)(key & (ulong)mask); _memoKeys[i] != 0; i = (i + 1) & mask)
        {
            if (_memoKeys[i] == key)
            {
                Array.Copy(_scoreRows, _memoSteps[i] * _scores.Length, _scores, 0, _scores.Length);
                ReusedSteps++;
                return;
            }
        }

        Array.Clear(_scores);
        _model.Weights.AddScores(_features.AsSpan(0, n), _scores);
        ScoredSteps++;
    }

    /// <summary>One 64-bit key for a whole feature vector (never 0, the empty slot): equal keys mean equal features but for a 2^-64 chance.</summary>
    /// <remarks>
    /// Each feature hash already carries its template, so the vector is the multiset of its hashes: two
    /// sums of independently mixed hashes, with no chain of multiplications from one feature to the next.
    /// </remarks>
    private static ulong KeyOf(ReadOnlySpan<ulong> features)
    {
        var sum = 0UL;
        var mixed = 0UL;
        foreach (var f in features)
        {
            sum += f;
            mixed += (f ^ (f >> 29)) * 0xBF58476D1CE4E5B9UL;
        }

        return (sum ^ (mixed * 0x94D049BB133111EBUL)) | 1;
    }

    private void PrepareMemo(int steps)
    {
        var size = 64;
        while (size < 2 * steps)
            size <<= 1;
        if (_memoKeys.Length < size)
        {
            _memoKeys = new ulong[size];
            _memoSteps = new int[size];
        }
        else
        {
            Array.Clear(_memoKeys);
        }

        if (_scoreRows.Length < steps * _scores.Length)
            _scoreRows = new float[Math.Max(steps, 128) * _scores.Length];
    }

    /// <summary>Fills <see cref="Input"/> from tokens [first, first+count) of a tagged document.</summary>
    public void Load(Document doc, int first, int count)
    {
        Input.Reset(count);
        for (var i = 0; i < count; i++)
        {
            var t = first + i;
            var lower = FeatureHash.OfLowerChars(doc.NormOf(t));
            Input.Set(i, lower, doc.XposOf(t), (int)doc.UposOf(t), _model.Clusters.PathOf(lower));
        }
    }

    /// <summary>The highest-scoring legal class (there is always one in a non-terminal state); on ties SHIFT, then LEFT, then RIGHT.</summary>
    internal static int BestLegal(ParseState s, ReadOnlySpan<float> scores, int labels)
    {
        var best = BestOfMove(s, scores, labels, 0);
        var left = BestOfMove(s, scores, labels, 1);
        if (left >= 0 && (best < 0 || scores[left] > scores[best]))
            best = left;
        var right = BestOfMove(s, scores, labels, 2);
        if (right >= 0 && (best < 0 || scores[right] > scores[best]))
            best = right;
        return best;
    }

    /// <summary>The highest-scoring legal class of one move (0 shift, 1 left, 2 right), or -1 when the move is illegal.</summary>
    internal static int BestOfMove(ParseState s, ReadOnlySpan<float> scores, int labels, int move)
    {
        switch (move)
        {
            case 0:
                return s.CanShift ? ArcHybrid.Shift : -1;
            case 1 when !s.CanLeft:
                return -1;
            case 1 when s.Buffer == s.Length:
                return ArcHybrid.Left(s.RootLabel);
            case 2 when !s.CanRight:
                return -1;
        }

        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var l = 1; l < labels; l++)
        {
            var c = move == 1 ? ArcHybrid.Left(l) : ArcHybrid.Right(l, labels);
            if (l != s.RootLabel && (best < 0 || scores[c] > bestScore))
            {
                best = c;
                bestScore = scores[c];
            }
        }

        return best;
    }
}
