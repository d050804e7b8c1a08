package org.cxalign.survey.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The migrations of both databases ({@code db/migration}) and those of PostgreSQL alone ({@code
 * db/postgresql}) never share a version, which Flyway would refuse on PostgreSQL only, and H2 is
 * never given the PostgreSQL ones.
 */
class MigrationLocationsTest {

  private static final Pattern VERSION = Pattern.compile("V(\\d+)__\\w+\\.sql");

  private static Set<Integer> versions(String location) throws IOException, URISyntaxException {
    URL url = MigrationLocationsTest.class.getClassLoader().getResource(location);
    assertNotNull(url, location);
    Set<Integer> versions = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Matcher m = VERSION.matcher(f.getFileName().toString());
        assertTrue(m.matches(), "not a versioned migration: " + f);
        assertTrue(versions.add(Integer.parseInt(m.group(1))), "version twice: " + f);
      }
    }
    return versions;
  }

  @Test
  void postgresqlOnlyVersionsAreNotCommonVersions() throws Exception {
    Set<Integer> common = versions("db/migration");
    Set<Integer> postgresql = versions("db/postgresql");
    assertFalse(common.isEmpty());
    assertFalse(postgresql.isEmpty());
    Set<Integer> both = new HashSet<>(common);
    both.retainAll(postgresql);
    assertEquals(Set.of(), both, "versions in both locations");
  }

  @Test
  void h2IsGivenTheCommonMigrationsOnly() {
    assertArrayEquals(new String[] {"classpath:db/migration"}, DatabaseMigration.locations(false));
    assertArrayEquals(
        new String[] {"classpath:db/migration", "classpath:db/postgresql"},
        DatabaseMigration.locations(true));
  }
}
