package org.cxalign.it.hostile;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Test-only probe, deployed by {@link HostileInputIT} in its own WAR beside the application: the
 * row count of every table of the application's schema, read through the application's own
 * datasource (H2 or PostgreSQL alike), with a digest of its rows (each row's column values as text,
 * rows sorted, SHA-256): one {@code table<TAB>count<TAB>digest} line each. Reading every row is
 * fine for the small databases of the integration tests.
 */
@WebServlet("/counts")
public class TableCountsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Resource(lookup = "java:jboss/datasources/CxAlignDS")
  private transient DataSource dataSource;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    TreeMap<String, String> counts = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String t : tables) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM \"" + t.replace("\"", "\"\"") + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          List<String> rows = new ArrayList<>();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              row.append(rs.getString(i)).append('\u0001');
            }
            rows.add(row.toString());
          }
          Collections.sort(rows);
          MessageDigest sha = MessageDigest.getInstance("SHA-256");
          rows.forEach(r -> sha.update(r.getBytes(StandardCharsets.UTF_8)));
          counts.put(
              t.toLowerCase(Locale.ROOT),
              rows.size() + "\t" + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        }
      }
    } catch (SQLException | NoSuchAlgorithmException e) {
      res.setStatus(500);
      res.setContentType("text/plain");
      res.getWriter().write("probe failed: " + e.getMessage());
      return;
    }
    res.setContentType("text/plain;charset=UTF-8");
    StringBuilder out = new StringBuilder();
    counts.forEach((t, n) -> out.append(t).append('\t').append(n).append('\n'));
    res.getWriter().write(out.toString());
  }
}
