using System.Runtime.CompilerServices;

namespace Entente.Nlp.Parsing;

/// <summary>
/// The arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the end of the buffer
/// (Ballesteros and Nivre 2013), which keeps exactly one word attached to the root:
/// SHIFT pushes the buffer front; LEFT-l pops the stack top as a dependent of the buffer front;
/// RIGHT-l pops the stack top as a dependent of the word below it. Classes are numbered
/// 0 = SHIFT, 1 + l = LEFT-l, 1 + L + l = RIGHT-l for relation ids l in [0, L).
/// </summary>
public static class ArcHybrid
{
    public const int Shift = 0;

    public static int ClassCount(int labels) => 1 + 2 * labels;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Left(int label) => 1 + label;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Right(int label, int labels) => 1 + labels + label;

    /// <summary>Splits a class into its move (0 shift, 1 left, 2 right) and label.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int Move, int Label) Decode(int cls, int labels) =>
        cls == 0 ? (0, 0) : cls <= labels ? (1, cls - 1) : (2, cls - 1 - labels);
}

/// <summary>
/// One sentence's parse in progress: stack, buffer position, the arcs built so far and, per word, the
/// two outermost children on each side, child counts and the set of child labels, which the features
/// read. Reused across sentences (no allocation once grown).
/// </summary>
public sealed class ParseState
{
    private int[] _stack = new int[64];
    public int[] Head = new int[64];
    public ushort[] Label = new ushort[64];
    public int[] Left1 = new int[64], Left2 = new int[64], Right1 = new int[64], Right2 = new int[64];
    public byte[] LeftCount = new byte[64], RightCount = new byte[64];
    public ulong[] LeftLabels = new ulong[64], RightLabels = new ulong[64];

    /// <summary>Number of words; the root is the virtual word <see cref="Length"/> at the end of the buffer.</summary>
    public int Length { get; private set; }

    public int StackCount { get; private set; }

    /// <summary>The buffer front (Length when only the root is left).</summary>
    public int Buffer { get; private set; }

    public int RootLabel { get; private set; }

    public bool IsTerminal => StackCount == 0 && Buffer == Length;

    /// <summary>The i-th word from the stack top (0 = top), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Stack(int i) => i < StackCount ? _stack[StackCount - 1 - i] : -1;

    public void Reset(int length, int rootLabel)
    {
        if (_stack.Length < length + 1)
        {
            var n = Math.Max(length + 1, _stack.Length * 2);
            _stack = new int[n];
            Head = new int[n];
            Label = new ushort[n];
            Left1 = new int[n];
            Left2 = new int[n];
            Right1 = new int[n];
            Right2 = new int[n];
            LeftCount = new byte[n];
            RightCount = new byte[n];
            LeftLabels = new ulong[n];
            RightLabels = new ulong[n];
        }

        Length = length;
        RootLabel = rootLabel;
        StackCount = 0;
        Buffer = 0;
        for (var i = 0; i <= length; i++)
        {
            Head[i] = -1;
            Label[i] = 0;
            Left1[i] = Left2[i] = Right1[i] = Right2[i] = -1;
            LeftCount[i] = RightCount[i] = 0;
            LeftLabels[i] = RightLabels[i] = 0;
        }
    }

    public bool CanShift => Buffer < Length;

    public bool CanLeft => StackCount > 0 && (Buffer < Length || StackCount == 1);

    public bool CanRight => StackCount > 1;

    /// <summary>True when class <paramref name="cls"/> may be applied (the root relation only for the one word attached to the root).</summary>
    public bool IsLegal(int cls, int labels)
    {
        var (move, label) = ArcHybrid.Decode(cls, labels);
        return move switch
        {
            0 => CanShift,
            1 => CanLeft && (Buffer == Length) == (label == RootLabel),
            _ => CanRight && label != RootLabel,
        };
    }

    public void Apply(int cls, int labels)
    {
        var (move, label) = ArcHybrid.Decode(cls, labels);
        switch (move)
        {
            case 0:
                _stack[StackCount++] = Buffer++;
                break;
            case 1:
                AddArc(Buffer, _stack[--StackCount], (ushort)label);
                break;
            default:
                var d = _stack[--StackCount];
                AddArc(_stack[StackCount - 1], d, (ushort)label);
                break;
        }
    }

    private void AddArc(int head, int dependent, ushort label)
    {
        Head[dependent] = head;
        Label[dependent] = label;
        var bit = 1UL << (label & 63);
        if (dependent < head)
        {
            // left dependents arrive from the nearest outwards, so each new one is the leftmost
            Left2[head] = Left1[head];
            Left1[head] = dependent;
            LeftCount[head] = (byte)Math.Min(255, LeftCount[head] + 1);
            LeftLabels[head] |= bit;
        }
        else
        {
            Right2[head] = Right1[head];
            Right1[head] = dependent;
            RightCount[head] = (byte)Math.Min(255, RightCount[head] + 1);
            RightLabels[head] |= bit;
        }
    }

    /// <summary>
    /// The number of gold arcs that become unreachable by applying <paramref name="cls"/> (Goldberg and
    /// Nivre 2013). <paramref name="goldHeads"/> uses <see cref="Length"/> for the root; exact for
    /// projective gold trees.
    /// </summary>
    public int Cost(int cls, int labels, ReadOnlySpan<int> goldHeads, ReadOnlySpan<ushort> goldLabels)
    {
        var (move, label) = ArcHybrid.Decode(cls, labels);
        var b = Buffer;
        var cost = 0;
        if (move == 0)
        {
            var s0 = Stack(0);
            for (var i = 0; i < StackCount; i++)
            {
                var k = _stack[i];
                if (goldHeads[k] == b)
                    cost++;
                if (k != s0 && goldHeads[b] == k)
                    cost++;
            }

            return cost;
        }

        var top = Stack(0);
        var below = Stack(1);
        var gh = goldHeads[top];
        for (var d = b; d < Length; d++)
        {
            if (goldHeads[d] == top)
                cost++;
        }

        if (move == 1)
        {
            if (gh != b && (gh == below || gh >= b))
                cost++;
            else if (gh == b && goldLabels[top] != label)
                cost++;
        }
        else
        {
            if (gh >= b)
                cost++;
            else if (gh == below && goldLabels[top] != label)
                cost++;
        }

        return cost;
    }
}
