using System.Globalization;
using System.Net;
using System.Text;
using NokoBot.Texts;

namespace NokoBot.Reports;

/// <summary>Items by due month and status as a stacked bar chart in SVG, drawn here (no chart service, no script).</summary>
public static class StatusChart
{
    private const int Width = 720;
    private const int Height = 220;
    private const int Left = 40;
    private const int Bottom = 190;
    private const int Top = 20;
    private const string DoneColor = "#4a8f5a";
    private const string NotDoneColor = "#c0504d";

    public static string Svg(IReadOnlyList<MonthTally> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var max = Math.Max(1, months.Max(m => m.Done + m.NotDone));
        var step = (Width - Left - 20) / (double)Math.Max(1, months.Count);
        var scale = (Bottom - Top) / (double)max;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height + 20}\" viewBox=\"0 0 {Width} {Height + 20}\" role=\"img\" aria-label=\"{E(ReportTexts.ChartHeading)}\" font-family=\"Times New Roman, serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Bottom}\" x2=\"{Width - 10}\" y2=\"{Bottom}\" stroke=\"#555\"/>");
        for (var tick = 0; tick <= max; tick += Math.Max(1, max / 5))
        {
            var y = Bottom - tick * scale;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{tick}</text><line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - 10}\" y2=\"{y:0.#}\" stroke=\"#e0e0e0\"/>");
        }
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var x = Left + i * step + step * 0.2;
            var w = step * 0.6;
            var doneHeight = m.Done * scale;
            var notDoneHeight = m.NotDone * scale;
            if (m.Done > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{Bottom - doneHeight:0.#}\" width=\"{w:0.#}\" height=\"{doneHeight:0.#}\" fill=\"{DoneColor}\"><title>{E(ReportTexts.ChartDone)}: {m.Done}</title></rect>");
            if (m.NotDone > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{Bottom - doneHeight - notDoneHeight:0.#}\" width=\"{w:0.#}\" height=\"{notDoneHeight:0.#}\" fill=\"{NotDoneColor}\"><title>{E(ReportTexts.ChartNotDone)}: {m.NotDone}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w / 2:0.#}\" y=\"{Bottom + 14}\" text-anchor=\"middle\">{E(ReportTexts.Month(m.Month))}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Height + 4}\" width=\"10\" height=\"10\" fill=\"{DoneColor}\"/><text x=\"{Left + 14}\" y=\"{Height + 13}\">{E(ReportTexts.ChartDone)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 120}\" y=\"{Height + 4}\" width=\"10\" height=\"10\" fill=\"{NotDoneColor}\"/><text x=\"{Left + 134}\" y=\"{Height + 13}\">{E(ReportTexts.ChartNotDone)}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
