using System.Text.Json;

namespace Entente.Coding;

/// <summary>
/// The JSON shapes that the event record (DESIGN.md) shares with the store's merged events, written by one piece of
/// code so that `entente code`, `events --format jsonl` and `export --format jsonl` cannot drift apart.
/// </summary>
public static class RecordJson
{
    /// <summary>An actor: <c>{"text", "code", "country", "sector"}</c>.</summary>
    public static void WriteActor(Utf8JsonWriter w, string property, string? text, string? code, string? country, string? sector)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject(property);
        w.WriteString("text", text);
        w.WriteString("code", code);
        w.WriteString("country", country);
        w.WriteString("sector", sector);
        w.WriteEndObject();
    }

    /// <summary>A place, <c>{"name", "country", "lat", "lon"}</c>, or null when there is none.</summary>
    public static void WriteLocation(Utf8JsonWriter w, string property, string? name, string? country, double? lat, double? lon)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (name is null)
        {
            w.WriteNull(property);
            return;
        }

        w.WriteStartObject(property);
        w.WriteString("name", name);
        w.WriteString("country", country);
        WriteNumberOrNull(w, "lat", lat);
        WriteNumberOrNull(w, "lon", lon);
        w.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string property, double? value)
    {
        if (value is { } v)
            w.WriteNumber(property, v);
        else
            w.WriteNull(property);
    }
}
