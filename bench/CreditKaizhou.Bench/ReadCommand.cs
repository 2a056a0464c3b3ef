using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CreditKaizhou.Api.Features.Records;
using CreditKaizhou.Api.Infrastructure.Http;
using CreditKaizhou.Domain.Records;

namespace CreditKaizhou.Bench;

/// <summary>
/// How a JSON batch's records are read, on one thread, with no HTTP and no database: the ingestion benchmark's 10,000
/// records as they are (the usual form, which <see cref="RecordJsonReader"/> reads in one pass) against the same records
/// with <c>catalogueCode</c> written <c>CatalogueCode</c> (which it hands to the serializer, the way every record was
/// read before), each record's field values then taken as validation takes them. The two alternate round by round, after
/// warm-up rounds of each; the medians of the rate and of the bytes allocated per record are reported.
/// </summary>
internal static class ReadCommand
{
    private const int Rows = 10_000;

    public static Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = new CommandLine(args);
        var rounds = line.Int("--rounds", 30);
        var warmup = line.Int("--warmup", 10);
        var reader = RecordJsonReader.For(ServiceJson.Options());
        var usual = Elements(BenchRows.Json(BenchRows.Rows("R", Rows)));
        var other = usual.Select(json => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json)
            .Replace("\"catalogueCode\"", "\"CatalogueCode\"", StringComparison.Ordinal))).ToList();

        var onePass = new List<(double Rate, double Bytes)>();
        var serializer = new List<(double Rate, double Bytes)>();
        // Both ways run their code to its final compiled form before either is measured.
        for (var r = 0; r < warmup + rounds; r++)
        {
            var fast = Measure(reader, usual, readInOnePass: true);
            var slow = Measure(reader, other, readInOnePass: false);
            if (r >= warmup)
            {
                onePass.Add(fast);
                serializer.Add(slow);
            }
        }

        Console.WriteLine($"# Reading JSON records, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"{rounds} alternating rounds of {Rows} records after {warmup} of each, one thread; medians");
        Console.WriteLine();
        Console.WriteLine("| reading | records/s | bytes allocated per record |");
        Console.WriteLine("|---|---|---|");
        var (fastRate, fastBytes) = (Median.Of(onePass.Select(m => m.Rate)), Median.Of(onePass.Select(m => m.Bytes)));
        var (slowRate, slowBytes) = (Median.Of(serializer.Select(m => m.Rate)), Median.Of(serializer.Select(m => m.Bytes)));
        Console.WriteLine($"| one pass (RecordJsonReader) | {fastRate:N0} | {fastBytes:N0} |");
        Console.WriteLine($"| serializer (fields as one document) | {slowRate:N0} | {slowBytes:N0} |");
        Console.WriteLine($"| one pass / serializer | {fastRate / slowRate:P0} | {fastBytes / slowBytes:P0} |");
        return Task.FromResult(0);
    }

    /// <summary>Reads every record and takes each field's value as validation does; the rate, and bytes per record.</summary>
    private static (double Rate, double Bytes) Measure(RecordJsonReader reader, List<byte[]> records, bool readInOnePass)
    {
        var characters = 0L;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        foreach (var json in records)
        {
            var input = reader.Read(json)!;
            if ((input.ReadFields is not null) != readInOnePass)
            {
                throw new InvalidOperationException("A record was not read the way this measurement is meant to read it.");
            }

            var values = input.ReadFields?.Values ?? input.Fields!.Values.Select(RawValue.Of);
            foreach (var value in values)
            {
                characters += value.Text?.Length ?? 0;
            }
        }

        watch.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(characters);
        return (records.Count / watch.Elapsed.TotalSeconds, (double)bytes / records.Count);
    }

    /// <summary>The array's elements, each as its own bytes.</summary>
    private static List<byte[]> Elements(byte[] array)
    {
        var elements = new List<byte[]>(Rows);
        var json = new Utf8JsonReader(array);
        json.Read();
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            var from = (int)json.TokenStartIndex;
            json.Skip();
            elements.Add(array[from..(int)json.BytesConsumed]);
        }

        return elements;
    }
}
