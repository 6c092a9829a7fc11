using Dormant.Cli.Reports;

namespace Dormant.Tests.Reports;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("lf\nonly", "\"lf\nonly\"")]
    [InlineData("", "")]
    public void Quotes_by_rfc_4180(string value, string expected) => Assert.Equal(expected, CsvCell.Format(value));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("a=1", "a=1")]
    public void Neutralises_cells_a_spreadsheet_would_run(string value, string expected) => Assert.Equal(expected, CsvCell.Format(value));

    [Fact]
    public void Writes_nulls_numbers_and_booleans_plainly()
    {
        Assert.Equal("", CsvCell.Format(null));
        Assert.Equal("1234", CsvCell.Format(1234));
        Assert.Equal("true", CsvCell.Format(true));
        Assert.Equal("false", CsvCell.Format(false));
    }
}
