package org.cxalign.web.problem;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.cxalign.survey.campaign.FieldViolation;

/**
 * Checks a JSON body against the request record it will be bound to, before JSON-B binds it: every
 * member must be a component of the record and of the component's type. JSON-B on its own drops
 * unknown members and converts between types (a string "12" or {@code true} to a number, a fraction
 * to an integer, a number to a string), so a wrong type was stored as some other value.
 */
final class JsonShape {

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private JsonShape() {}

  /** The violations of {@code value} against a record type (empty when it fits). */
  static List<FieldViolation> check(JsonValue value, Class<?> record) {
    List<FieldViolation> out = new ArrayList<>();
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      out.add(new FieldViolation("body", "must be a JSON object"));
      return out;
    }
    object(value.asJsonObject(), record, "", out);
    return out;
  }

  private static void object(
      JsonObject o, Class<?> record, String prefix, List<FieldViolation> out) {
    Map<String, Type> components = new java.util.HashMap<>();
    for (RecordComponent c : record.getRecordComponents()) {
      components.put(c.getName(), c.getGenericType());
    }
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      String field = prefix + e.getKey();
      Type type = components.get(e.getKey());
      if (type == null) {
        out.add(new FieldViolation(field, "is not a member of this request"));
      } else {
        value(e.getValue(), type, field, out);
      }
    }
  }

  private static void value(JsonValue v, Type type, String field, List<FieldViolation> out) {
    if (v.getValueType() == JsonValue.ValueType.NULL) {
      return; // absent; required members are checked by Bean Validation
    }
    Class<?> raw = raw(type);
    if (raw == String.class) {
      expect(v, JsonValue.ValueType.STRING, field, "must be a string", out);
    } else if (raw == Integer.class || raw == int.class) {
      integral(
          v,
          field,
          BigInteger.valueOf(Integer.MIN_VALUE),
          BigInteger.valueOf(Integer.MAX_VALUE),
          out);
    } else if (raw == Long.class || raw == long.class) {
      integral(v, field, LONG_MIN, LONG_MAX, out);
    } else if (raw == Boolean.class || raw == boolean.class) {
      if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
        out.add(new FieldViolation(field, "must be true or false"));
      }
    } else if (raw == LocalDate.class) {
      if (expect(v, JsonValue.ValueType.STRING, field, "must be a date YYYY-MM-DD", out)) {
        try {
          LocalDate d = LocalDate.parse(((jakarta.json.JsonString) v).getString());
          if (d.getYear() < 1900 || d.getYear() > 9999) {
            out.add(new FieldViolation(field, "must be a date from 1900-01-01 to 9999-12-31"));
          }
        } catch (java.time.DateTimeException e) {
          out.add(new FieldViolation(field, "must be a date YYYY-MM-DD"));
        }
      }
    } else if (raw.isEnum()) {
      if (expect(v, JsonValue.ValueType.STRING, field, "must be one of " + names(raw), out)) {
        String s = ((jakarta.json.JsonString) v).getString();
        boolean known = false;
        for (Object c : raw.getEnumConstants()) {
          known |= ((Enum<?>) c).name().equals(s);
        }
        if (!known) {
          out.add(new FieldViolation(field, "must be one of " + names(raw)));
        }
      }
    } else if (Collection.class.isAssignableFrom(raw)) {
      if (expect(v, JsonValue.ValueType.ARRAY, field, "must be an array", out)) {
        Type element =
            type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        int i = 0;
        for (JsonValue item : v.asJsonArray()) {
          String at = field + "[" + i++ + "]";
          if (item.getValueType() == JsonValue.ValueType.NULL) {
            out.add(new FieldViolation(at, "must not be null"));
          } else {
            value(item, element, at, out);
          }
        }
      }
    } else if (raw.isRecord()) {
      if (expect(v, JsonValue.ValueType.OBJECT, field, "must be an object", out)) {
        object(v.asJsonObject(), raw, field + ".", out);
      }
    }
    // other types (Object, maps): left to the resource
  }

  private static void integral(
      JsonValue v, String field, BigInteger min, BigInteger max, List<FieldViolation> out) {
    if (v.getValueType() != JsonValue.ValueType.NUMBER) {
      out.add(new FieldViolation(field, "must be a whole number"));
      return;
    }
    BigDecimal d = ((JsonNumber) v).bigDecimalValue();
    if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
      out.add(new FieldViolation(field, "must be a whole number"));
      return;
    }
    if (d.precision() - d.scale() > 20) { // keeps 1e999999999 from being expanded
      out.add(new FieldViolation(field, "must be between " + min + " and " + max));
      return;
    }
    BigInteger n = d.toBigIntegerExact();
    if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
      out.add(new FieldViolation(field, "must be between " + min + " and " + max));
    }
  }

  private static boolean expect(
      JsonValue v, JsonValue.ValueType t, String field, String reason, List<FieldViolation> out) {
    if (v.getValueType() != t) {
      out.add(new FieldViolation(field, reason));
      return false;
    }
    return true;
  }

  private static String names(Class<?> e) {
    List<String> n = new ArrayList<>();
    for (Object c : e.getEnumConstants()) {
      n.add(((Enum<?>) c).name());
    }
    return String.join(", ", n);
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }
}
