package io.esteira.runtime.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad input to an Esteira API ({@code io.esteira.*} controllers) answers {@code 400} with {@code
 * {"error":"Bad Request","message":…}}, the message being the one the code wrote (e.g. "Unknown entity
 * 'nosuch'; use one of: …"), and is logged at WARN in one line, without a stack trace: the caller is at
 * fault, not the service. Covers {@link IllegalArgumentException} thrown by a controller or what it
 * calls, query parameters that are missing or do not convert, request bodies that do not parse, and
 * failed bean validation. A handler of the controller itself ({@code @ExceptionHandler}) still comes
 * first.
 */
@RestControllerAdvice(basePackages = "io.esteira")
@Order(Ordered.LOWEST_PRECEDENCE)
public class BadRequestAdvice {

    private static final Logger log = LoggerFactory.getLogger(BadRequestAdvice.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        return badRequest(request, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> typeMismatch(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return badRequest(
                request, e.getName() + " '" + e.getValue() + "' " + expected(e.getName(), e.getRequiredType()));
    }

    /** What a parameter of {@code type} looks like, as the rest of the sentence "name 'value' …". */
    static String expected(String name, Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "is not a whole number; give e.g. " + name + "=1.";
        }
        if (type == Instant.class) {
            return "is not an ISO-8601 instant; write it as 2026-11-21T00:00:00Z.";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "is not true or false.";
        }
        return "is not a valid " + (type == null ? "value" : type.getSimpleName()) + ".";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request) {
        return badRequest(
                request, "parameter " + e.getParameterName() + " (" + e.getParameterType() + ") is required.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return badRequest(request, "the request body could not be read: " + firstLine(cause.getMessage()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, String>> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        String errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> error instanceof FieldError field
                        ? field.getField() + " " + field.getDefaultMessage()
                        : error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return badRequest(request, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, String>> invalidArguments(
            HandlerMethodValidationException e, HttpServletRequest request) {
        String errors = e.getAllErrors().stream()
                .map(error -> error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return badRequest(request, errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, String>> constraintViolation(
            ConstraintViolationException e, HttpServletRequest request) {
        String errors = e.getConstraintViolations().stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .collect(Collectors.joining("; "));
        return badRequest(request, errors);
    }

    private static ResponseEntity<Map<String, String>> badRequest(HttpServletRequest request, String message) {
        String text = message == null || message.isBlank() ? "the request is not valid." : message;
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        log.warn("{} {}{} answered 400: {}", request.getMethod(), request.getRequestURI(), query, text);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", HttpStatus.BAD_REQUEST.getReasonPhrase());
        body.put("message", text);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no detail";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
