using System.Runtime.CompilerServices;

namespace Entente.Nlp.Learning;

/// <summary>
/// The hashed pieces of one word that feature templates combine: the form, its lower case, shape,
/// prefixes and suffixes, and a few orthographic flags. Computed once per word, so each template is
/// one hash mix, not a string operation.
/// </summary>
public struct WordAtoms
{
    public ulong Form;
    public ulong Lower;
    public ulong Shape;
    public ulong Prefix1, Prefix2, Prefix3;
    public ulong Suffix1, Suffix2, Suffix3, Suffix4;
    public WordFlags Flags;
    public int Length;

    /// <summary>Computes the atoms of <paramref name="word"/>; <paramref name="shapeBuffer"/> must hold at least 16 chars.</summary>
    public static WordAtoms Of(ReadOnlySpan<char> word, Span<char> shapeBuffer)
    {
        var a = new WordAtoms
        {
            Form = FeatureHash.OfChars(word),
            Lower = FeatureHash.OfLowerChars(word),
            Length = word.Length,
        };
        var n = word.Length;
        a.Prefix1 = FeatureHash.OfLowerChars(word[..Math.Min(1, n)]);
        a.Prefix2 = FeatureHash.OfLowerChars(word[..Math.Min(2, n)]);
        a.Prefix3 = FeatureHash.OfLowerChars(word[..Math.Min(3, n)]);
        a.Suffix1 = FeatureHash.OfLowerChars(word[Math.Max(0, n - 1)..]);
        a.Suffix2 = FeatureHash.OfLowerChars(word[Math.Max(0, n - 2)..]);
        a.Suffix3 = FeatureHash.OfLowerChars(word[Math.Max(0, n - 3)..]);
        a.Suffix4 = FeatureHash.OfLowerChars(word[Math.Max(0, n - 4)..]);
        var len = 0;
        var run = 0;
        var prev = '\0';
        var flags = WordFlags.None;
        for (var i = 0; i < n; i++)
        {
            var c = word[i];
            char s;
            if (char.IsUpper(c))
            {
                s = 'X';
                flags |= i == 0 ? WordFlags.InitialUpper : WordFlags.InnerUpper;
            }
            else if (char.IsLower(c))
            {
                s = 'x';
                flags |= WordFlags.HasLower;
            }
            else if (char.IsDigit(c))
            {
                s = 'd';
                flags |= WordFlags.HasDigit;
            }
            else
            {
                s = c;
                if (c == '-')
                    flags |= WordFlags.HasHyphen;
                else if (char.IsPunctuation(c) || char.IsSymbol(c))
                    flags |= WordFlags.HasPunct;
            }

            run = s == prev ? run + 1 : 1;
            prev = s;
            if (run <= 2 && len < shapeBuffer.Length)
                shapeBuffer[len++] = s;
        }

        if ((flags & WordFlags.HasLower) == 0 && (flags & (WordFlags.InitialUpper | WordFlags.InnerUpper)) != 0)
            flags |= WordFlags.AllUpper;
        a.Shape = FeatureHash.OfChars(shapeBuffer[..len]);
        a.Flags = flags;
        return a;
    }

    /// <summary>Atom of the flags combined with the length bucket, for one cheap orthographic feature.</summary>
    public readonly ulong FlagsAtom
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => FeatureHash.OfInt(((int)Flags << 4) | Math.Min(Length, 12));
    }
}

[Flags]
public enum WordFlags : byte
{
    None = 0,
    InitialUpper = 1,
    InnerUpper = 2,
    HasLower = 4,
    HasDigit = 8,
    HasHyphen = 16,
    HasPunct = 32,
    AllUpper = 64,
}
