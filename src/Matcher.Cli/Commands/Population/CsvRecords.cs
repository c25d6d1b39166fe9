using System.Text;

namespace Matcher.Cli.Commands.Population;

/// <summary>
/// Reads CSV as RFC 4180 writes it: comma-separated fields; a field in double quotes may hold commas, line breaks and
/// doubled quotes. Each record comes with the line it starts on, so mistakes are named by line; empty lines are skipped.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader, string source)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var atFieldStart = true;
        var afterQuote = false;
        var recordStarted = false;
        while (true)
        {
            var next = reader.Read();
            if (quoted)
            {
                if (next < 0)
                {
                    throw new ManifestException($"{source} line {recordLine}: a quoted field is not closed before the end of the file.");
                }
                if (next == '"' && reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else if (next == '"')
                {
                    quoted = false;
                    afterQuote = true;
                }
                else
                {
                    line += next == '\n' ? 1 : 0;
                    field.Append((char)next);
                }
                continue;
            }
            switch (next)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    afterQuote = false;
                    recordStarted = true;
                    break;
                case '\r':
                    break;
                case '\n' or -1:
                    if (recordStarted || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return (recordLine, fields.ToArray());
                    }
                    if (next < 0)
                    {
                        yield break;
                    }
                    fields.Clear();
                    field.Clear();
                    atFieldStart = true;
                    afterQuote = false;
                    recordStarted = false;
                    recordLine = ++line;
                    break;
                case var _ when afterQuote:
                    throw new ManifestException($"{source} line {line}: text after the closing quote of a field; a quoted field ends at a comma or the end of the line.");
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    recordStarted = true;
                    break;
                case '"':
                    throw new ManifestException($"{source} line {line}: a double quote inside an unquoted field; quote the whole field and double the quote (\"\").");
                default:
                    field.Append((char)next);
                    atFieldStart = false;
                    break;
            }
        }
    }
}
