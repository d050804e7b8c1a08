package org.cxalign.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cxalign.analytics.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through its entry point {@link Main#execute}, with captured output. */
class CliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  static final String GOOD =
      "respondent_id,population,department,q1,q2,q3,collab.Sales,collab.Support\n"
          + "e1,employee,Sales,4,5,4,,3\n"
          + "e2,employee,Sales,3,4,,,4\n"
          + "e3,employee,Sales,5,5,5,,2\n"
          + "e4,employee,Support,2,3,3,4,\n"
          + "e5,employee,Support,3,2,2,5,\n"
          + "e6,employee,Support,2,2,3,3,\n"
          + "e7,employee,IT,4,4,4,2,3\n"
          + "c1,customer,,2,3,3,,\n"
          + "c2,customer,,3,3,2,,\n"
          + "c3,customer,Sales,1,2,2,,\n";

  @Test
  void reportJsonHasTheIssueKeys() throws IOException {
    Run r = run("report", "--input", file("good.csv", GOOD).toString());
    assertEquals(0, r.code(), r.err());
    Map<String, Object> json = Json.parseObject(r.out());
    assertTrue(
        json.keySet()
            .containsAll(
                List.of(
                    "respondents",
                    "departments",
                    "between_departments",
                    "reliability",
                    "consensus",
                    "perception_gap")),
        json.keySet().toString());
    assertEquals(Map.of("employee", 7.0, "customer", 3.0), json.get("respondents"));
    List<?> depts = (List<?>) json.get("departments");
    assertEquals(3, depts.size());
    Map<?, ?> it = (Map<?, ?>) depts.get(0);
    assertEquals("IT", it.get("department"));
    assertTrue(
        it.keySet().containsAll(List.of("department", "n", "mean", "rwg_j", "ad_md", "items")));
    // a department of one: r_wg(J) undefined, with a reason, never NaN
    assertTrue(it.containsKey("rwg_j"));
    assertNull(it.get("rwg_j"));
    assertTrue(((String) it.get("rwg_j_reason")).contains("fewer than 2"), it.toString());
    Map<?, ?> item = (Map<?, ?>) ((List<?>) it.get("items")).get(0);
    assertTrue(item.keySet().containsAll(List.of("item", "n", "mean", "rwg")), item.toString());
    assertEquals("q1", item.get("item"));
    Map<?, ?> sales = (Map<?, ?>) depts.get(1);
    assertEquals("Sales", sales.get("department"));
    assertEquals(3.0, sales.get("n"));
    assertEquals((13.0 / 3 + 7.0 / 2 + 5) / 3, (Double) sales.get("mean"), 1e-12);
    keys(
        json,
        "between_departments",
        "icc1",
        "icc2",
        "f",
        "df_between",
        "df_within",
        "p_value",
        "eta_squared");
    assertEquals(2.0, ((Map<?, ?>) json.get("between_departments")).get("df_between"));
    assertEquals(4.0, ((Map<?, ?>) json.get("between_departments")).get("df_within"));
    keys(json, "reliability", "cronbach_alpha");
    keys(json, "consensus", "kendall_w", "chi_square", "p_value", "krippendorff_alpha_interval");
    keys(
        json,
        "perception_gap",
        "mean_difference",
        "welch_t",
        "welch_df",
        "welch_p",
        "cohen_d",
        "mann_whitney_p");
    Map<?, ?> net = (Map<?, ?>) json.get("network");
    assertEquals(8.0, net.get("n")); // ratings given by employees
    assertFalse(r.out().contains("NaN"));
  }

  private static void keys(Map<String, Object> json, String section, String... keys) {
    Map<?, ?> m = (Map<?, ?>) json.get(section);
    assertTrue(m != null, "missing section " + section);
    for (String k : keys) {
      assertTrue(m.containsKey(k), section + " lacks " + k + ": " + m.keySet());
      assertTrue(
          m.get(k) != null || m.containsKey(k + "_reason"),
          section + "." + k + " null without reason");
    }
  }

  @Test
  void reportTextIsReadable() throws IOException {
    Run r = run("report", "--input", file("good.csv", GOOD).toString(), "--format", "text");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Respondents: 7 employees, 3 customers"), r.out());
    assertTrue(r.out().contains("Sales"), r.out());
    assertTrue(r.out().contains("Cronbach's alpha"), r.out());
  }

  @Test
  void threadsDoNotChangeTheReport() throws IOException {
    Path p = file("good.csv", GOOD);
    assertEquals(
        run("report", "--input", p.toString(), "--threads", "1").out(),
        run("report", "--input", p.toString(), "--threads", "4").out());
  }

  private void bad(String content, String expectedLocation, String expectedProblem, String... extra)
      throws IOException {
    Path p = file("bad.csv", content);
    String[] args = new String[2 + 2 + extra.length];
    args[0] = "report";
    args[1] = "--input";
    args[2] = p.toString();
    args[3] = "--threads=2";
    System.arraycopy(extra, 0, args, 4, extra.length);
    Run r = run(args);
    assertNotEquals(0, r.code(), r.out());
    assertTrue(r.err().contains(p.toString()), r.err());
    assertTrue(r.err().contains(expectedLocation), r.err());
    assertTrue(r.err().contains(expectedProblem), r.err());
    assertEquals("", r.out());
  }

  @Test
  void nonNumericAnswer() throws IOException {
    bad(
        "respondent_id,population,department,q1,q2\ne1,employee,A,1,2\ne2,employee,A,x3,2\n",
        "line 3, column 4 (q1)",
        "non-numeric answer \"x3\"");
  }

  @Test
  void valueOffTheScale() throws IOException {
    bad(
        "respondent_id,population,department,q1,q2\ne1,employee,A,1,2\ne2,employee,A,3,6\n",
        "line 3, column 5 (q2)",
        "value 6 is off the scale 1..5");
    bad(
        "respondent_id,population,department,q1,q2\ne1,employee,A,1,2.5\n",
        "line 2, column 5 (q2)",
        "off the scale");
    bad(
        "respondent_id,population,department,q1,q2\ne1,employee,A,1,11\n",
        "line 2, column 5 (q2)",
        "value 11 is off the scale 0..10",
        "--scale",
        "0-10");
  }

  @Test
  void raggedRow() throws IOException {
    bad(
        "respondent_id,population,department,q1,q2\ne1,employee,A,1,2\ne2,employee,A,3\n",
        "line 3, column 5",
        "ragged row: expected 5 fields, found 4");
    bad(
        "respondent_id,population,department,q1,q2\ne1,employee,A,1,2,3\n",
        "line 2, column 6",
        "ragged row: expected 5 fields, found 6");
  }

  @Test
  void emptyFile() throws IOException {
    bad("", "line 1, column 1", "empty file");
    bad("respondent_id,population,department,q1\n", "line 2", "no data rows");
  }

  @Test
  void unknownColumnAndBadHeader() throws IOException {
    bad("id,population,department,q1\n1,employee,A,3\n", "line 1, column 1", "respondent_id");
    bad(
        "respondent_id,population,department,q1,q1\n1,employee,A,3,3\n",
        "line 1, column 5 (q1)",
        "duplicate column name");
  }

  @Test
  void unknownPopulationAndMissingDepartment() throws IOException {
    bad(
        "respondent_id,population,department,q1\n1,manager,A,3\n",
        "line 2, column 2 (population)",
        "unknown population");
    bad(
        "respondent_id,population,department,q1\n1,employee,,3\n",
        "line 2, column 3 (department)",
        "an employee needs a department");
  }

  @Test
  void firstErrorOfTheFileIsReportedWhenParsingInParallel() throws IOException {
    StringBuilder sb = new StringBuilder("respondent_id,population,department,q1,q2\n");
    for (int i = 0; i < 400_000; i++) {
      sb.append("e").append(i).append(",employee,D").append(i % 7).append(",3,4\n");
      if (i == 150_000) {
        sb.append("x,employee,A,3,9\n"); // line 150,003
      }
      if (i == 390_000) {
        sb.append("y,employee,A,zz,3\n");
      }
    }
    bad(sb.toString(), "line 150003, column 5 (q2)", "value 9 is off the scale");
  }

  @Test
  void missingFileAndUsageErrors() {
    Run r = run("report", "--input", dir.resolve("nope.csv").toString());
    assertEquals(Main.EXIT_BAD_INPUT, r.code());
    assertTrue(r.err().contains("nope.csv"), r.err());
    assertEquals(2, run("report").code());
    assertEquals(2, run("report", "--input", "x.csv", "--scale", "5").code());
    assertEquals(2, run("kripp", "--input", "x.csv", "--level", "fuzzy").code());
    assertEquals(2, run().code());
  }

  @Test
  void iccKeysAndShroutFleissTable2() throws IOException {
    // Shrout & Fleiss (1979) Table 2: 6 targets x 4 judges; Table 4 gives
    // ICC(1,1)=.17, ICC(2,1)=.29, ICC(3,1)=.71, ICC(1,4)=.44, ICC(2,4)=.62, ICC(3,4)=.91
    Path p =
        file(
            "sf.csv",
            "target,j1,j2,j3,j4\n1,9,2,5,8\n2,6,1,3,2\n3,8,4,6,8\n4,7,1,2,6\n5,10,5,6,9\n6,6,2,4,7\n");
    Run r = run("icc", "--input", p.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, Object> json = Json.parseObject(r.out());
    double[] expected = {.17, .29, .71, .44, .62, .91};
    String[] names = {"ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"};
    for (int i = 0; i < names.length; i++) {
      Map<?, ?> f = (Map<?, ?>) json.get(names[i]);
      assertEquals(Set.of("value", "lower", "upper", "f", "df1", "df2", "p"), f.keySet(), names[i]);
      assertEquals(expected[i], (Double) f.get("value"), 0.005, names[i]);
    }
    assertEquals(6.0, json.get("targets"));
    assertEquals(4.0, json.get("raters"));
  }

  @Test
  void iccRejectsNonNumericWithLocation() throws IOException {
    Path p = file("sf.csv", "target,j1,j2\n1,9,2\n2,six,1\n3,8,4\n");
    Run r = run("icc", "--input", p.toString());
    assertEquals(Main.EXIT_BAD_INPUT, r.code());
    assertTrue(r.err().contains("line 3, column 2 (j1)"), r.err());
    assertTrue(r.err().contains("non-numeric value \"six\""), r.err());
  }

  @Test
  void krippendorffWorkedExampleAtAllLevels() throws IOException {
    // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", example C (4 observers,
    // 12 units, missing values): alpha = .743 nominal, .815 ordinal, .849 interval, .797 ratio
    Path p =
        file(
            "k.csv",
            "observer,u1,u2,u3,u4,u5,u6,u7,u8,u9,u10,u11,u12\n"
                + "A,1,2,3,3,2,1,4,1,2,,,\n"
                + "B,1,2,3,3,2,2,4,1,2,5,,3\n"
                + "C,,3,3,3,2,3,4,2,2,5,1,\n"
                + "D,1,2,3,3,2,4,4,1,2,5,1,\n");
    String[] levels = {"nominal", "ordinal", "interval", "ratio"};
    double[] expected = {.743, .815, .849, .797};
    for (int i = 0; i < levels.length; i++) {
      Run r = run("kripp", "--input", p.toString(), "--level", levels[i]);
      assertEquals(0, r.code(), r.err());
      Map<String, Object> json = Json.parseObject(r.out());
      assertEquals(expected[i], (Double) json.get("alpha"), 0.0005, levels[i]);
      assertEquals(levels[i], json.get("level"));
      assertEquals(12.0, json.get("units"));
      assertEquals(11.0, json.get("pairable_units")); // unit 12 has one value
      assertEquals(4.0, json.get("observers"));
    }
  }

  @Test
  void reportWithTheBuiltInInstrument() throws IOException {
    Path data = dir.resolve("inst.csv");
    Run g =
        run(
            "generate",
            "--instrument",
            "builtin",
            "--collab",
            "--employees",
            "800",
            "--customers",
            "200",
            "--departments",
            "4",
            "--output",
            data.toString(),
            "--seed",
            "5");
    assertEquals(0, g.code(), g.err());
    Run r = run("report", "--input", data.toString(), "--instrument", "builtin");
    assertEquals(0, r.code(), r.err());
    Map<String, Object> json = Json.parseObject(r.out());
    for (String key :
        List.of(
            "respondents",
            "departments",
            "between_departments",
            "reliability",
            "consensus",
            "perception_gap",
            "dimensions",
            "network",
            "instrument",
            "perception_gaps",
            "maturity",
            "verdict")) {
      assertTrue(json.containsKey(key), "missing " + key + " in " + json.keySet());
    }
    List<?> gaps = (List<?>) json.get("perception_gaps");
    assertEquals(5, gaps.size());
    assertTrue(
        gaps.stream().anyMatch(x -> "seamless".equals(((Map<?, ?>) x).get("facet"))),
        gaps.toString());
    Map<?, ?> verdict = (Map<?, ?>) json.get("verdict");
    assertTrue(
        Set.of("supported", "not_supported", "inconclusive").contains(verdict.get("outcome")),
        verdict.toString());
    assertEquals(4, ((List<?>) verdict.get("criteria")).size());
    Map<?, ?> maturity = (Map<?, ?>) json.get("maturity");
    assertEquals(4, ((List<?>) maturity.get("departments")).size());
    assertTrue(((Map<?, ?>) maturity.get("organisation")).containsKey("cx_level"));
    assertFalse(r.out().contains("NaN"));
    Run text =
        run("report", "--input", data.toString(), "--instrument", "builtin", "--format", "text");
    assertTrue(text.out().contains("Level-5 verdict: "), text.out());
  }

  @Test
  void instrumentWithoutCollaborationColumnsGivesNoVerdictWithAReason() throws IOException {
    Path data = dir.resolve("inst.csv");
    run(
        "generate",
        "--instrument",
        "builtin",
        "--employees",
        "300",
        "--customers",
        "50",
        "--departments",
        "3",
        "--output",
        data.toString());
    Run r = run("report", "--input", data.toString(), "--instrument", "builtin");
    assertEquals(0, r.code(), r.err());
    Map<String, Object> json = Json.parseObject(r.out());
    assertTrue(json.containsKey("verdict"));
    assertNull(json.get("verdict"));
    assertTrue(((String) json.get("verdict_reason")).contains("no collaboration columns"));
  }

  @Test
  void columnsOutsideTheInstrumentAreUnknown() throws IOException {
    Path data =
        file("x.csv", "respondent_id,population,department,cx.l1.1,q_unknown\n1,employee,A,3,4\n");
    Run r = run("report", "--input", data.toString(), "--instrument", "builtin");
    assertEquals(Main.EXIT_BAD_INPUT, r.code());
    assertTrue(r.err().contains("line 1, column 5 (q_unknown)"), r.err());
    assertTrue(r.err().contains("unknown column"), r.err());
    Path badInstrument = file("i.json", "{\"id\": \"x\",\n \"version\": }");
    Run r2 = run("report", "--input", data.toString(), "--instrument", badInstrument.toString());
    assertEquals(Main.EXIT_BAD_INPUT, r2.code());
    assertTrue(r2.err().contains("i.json"), r2.err());
    assertTrue(r2.err().contains("line 2"), r2.err());
  }

  /** 500 employees and 100 customers: 6 items, 5 departments, collaboration columns, seed 3. */
  private static Run generateSmall(Path out) {
    return run(
        "generate",
        "--output",
        out.toString(),
        "--employees",
        "500",
        "--customers",
        "100",
        "--items",
        "6",
        "--departments",
        "5",
        "--collab",
        "--seed",
        "3");
  }

  @Test
  void generateWritesAReadableFile() throws IOException {
    Path out = dir.resolve("gen.csv");
    Run g = generateSmall(out);
    assertEquals(0, g.code(), g.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(601, lines.size());
    assertTrue(lines.get(0).startsWith("respondent_id,population,department,q01,"));
    assertTrue(lines.get(0).endsWith("collab.Dept05"));
    Run r = run("report", "--input", out.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, Object> json = Json.parseObject(r.out());
    assertEquals(Map.of("employee", 500.0, "customer", 100.0), json.get("respondents"));
    // the same seed writes the same file
    Path again = dir.resolve("gen2.csv");
    generateSmall(again);
    assertEquals(Files.readString(out), Files.readString(again));
  }
}
