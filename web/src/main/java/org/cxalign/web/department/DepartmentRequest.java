package org.cxalign.web.department;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.cxalign.survey.department.Department;

/**
 * Body of {@code POST /api/departments} and {@code PUT /api/departments/{id}}.
 *
 * @param name the department's name, unique ignoring case
 * @param headcount employees in the department (for response rates), optional
 */
public record DepartmentRequest(
    @NotBlank(message = "must not be blank")
        @Size(
            max = Department.MAX_NAME_LENGTH,
            message = "must be at most " + Department.MAX_NAME_LENGTH + " characters")
        String name,
    @PositiveOrZero(message = "must not be negative")
        @Max(value = 10_000_000, message = "must be at most 10000000")
        Integer headcount) {}
