using System.Text;

namespace OrgRestructure.Domain.Surveys;

/// <summary>A record of a CSV file with the line it starts on.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 CSV: comma-separated, fields optionally in double quotes, a doubled quote inside
/// quotes is one quote, quoted fields may hold commas and line breaks; CRLF or LF; BOM ignored.
/// </summary>
internal static class CsvParser
{
    public static (IReadOnlyList<CsvRecord> Records, int? UnterminatedQuoteLine) Parse(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quoteLine = 0;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (fields.Count > 1 || fields[0].Trim().Length > 0)
            {
                records.Add(new CsvRecord(recordLine, fields.ToList()));
            }

            fields.Clear();
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.ToString().Trim().Length == 0:
                    field.Clear();
                    inQuotes = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            return (records, quoteLine);
        }

        EndRecord();
        return (records, null);
    }
}
