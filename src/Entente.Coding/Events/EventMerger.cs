namespace Entente.Coding.Events;

/// <summary>
/// Merges the events of one document that report the same thing: the same source and target actor codes (or,
/// without codes, the same words), CAMEO code, negation and modality. The first report is kept, with its date,
/// place and sentence, and <see cref="CodedEvent.NumMentions"/> counts the reports.
/// </summary>
public static class EventMerger
{
    public static List<CodedEvent> Merge(List<CodedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count < 2)
            return events;
        var result = new List<CodedEvent>(events.Count);
        var index = new Dictionary<(string?, string?, string, bool, Modality), int>();
        foreach (var e in events)
        {
            var key = (ActorKey(e.Source), ActorKey(e.Target), e.Cameo, e.Negated, e.Modality);
            if (index.TryGetValue(key, out var at))
            {
                result[at] = result[at] with { NumMentions = result[at].NumMentions + e.NumMentions };
                continue;
            }

            index[key] = result.Count;
            result.Add(e);
        }

        return result;
    }

    private static string? ActorKey(ActorRef? a) => a is null ? null : a.Code ?? "\"" + a.Text.ToUpperInvariant() + "\"";
}
