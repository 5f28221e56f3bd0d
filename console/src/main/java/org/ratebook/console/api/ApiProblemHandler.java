package org.ratebook.console.api;

import jakarta.servlet.http.HttpServletResponse;
import org.ratebook.console.ops.DatabaseOutage;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.payment.PaymentDeclinedException;
import org.ratebook.engine.rulepack.domain.InvalidRulePackException;
import org.ratebook.engine.usage.BatchTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.ratebook.console.api.limits.InputLimitException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every API error as an RFC 7807 problem with a message a caller can act on. Refusals by the billing rules
 * are 422, unknown things 404, malformed requests 400; anything unexpected is a 500 with a reference to the
 * log line, never a stack trace.
 */
@RestControllerAdvice(basePackages = "org.ratebook.console.api")
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(PaymentDeclinedException.class)
    ProblemDetail declined(PaymentDeclinedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYMENT_REQUIRED, e.getMessage());
        problem.setTitle("Payment declined");
        return problem;
    }

    @ExceptionHandler(BillingRejection.class)
    ProblemDetail rejected(BillingRejection e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Refused by billing rules");
        return problem;
    }

    /** A refused rule-pack step; when the validator or compiler found problems, each as file, line and message. */
    @ExceptionHandler(InvalidRulePackException.class)
    ProblemDetail invalidRulePack(InvalidRulePackException e) {
        ProblemDetail problem = rejected(e);
        if (!e.problems().isEmpty()) {
            problem.setProperty("violations", e.problems().stream().map(RulePacksController.Violation::of).toList());
        }
        return problem;
    }

    /** A control step the billing run's state does not allow (cancelling a finished run). */
    @ExceptionHandler(org.ratebook.engine.billing.BillingRunConflict.class)
    ProblemDetail conflict(org.ratebook.engine.billing.BillingRunConflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not possible in the run's state");
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    /** A service refused the caller's role (the endpoint's scope was not enough): a 403, never a 500. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(BatchTooLargeException.class)
    ProblemDetail tooLarge(BatchTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Batch too large");
        return problem;
    }

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request");
        return problem;
    }

    /** An input beyond one of the API's limits (decision 018): the detail names the limit. */
    @ExceptionHandler(InputLimitException.class)
    ProblemDetail beyondLimit(InputLimitException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Input beyond a limit");
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        if (e.getMostSpecificCause() instanceof InputLimitException limit) {
            return beyondLimit(limit);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + e.getValue() + "' is not a valid " + e.getName());
        problem.setTitle("Bad request");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletResponse response) {
        if (DatabaseOutage.isCause(e)) {
            // the transaction never committed: nothing was written, and the same request may simply be sent again
            log.warn("Database unavailable: {}", e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database is not reachable right now; this request was not completed. Try again in a "
                            + "few seconds.");
            problem.setTitle("Database unavailable");
            return problem;
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected API error, reference {}", reference, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed by this request if it failed. Reference "
                        + reference);
        problem.setTitle("Internal error");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (e.getMostSpecificCause() instanceof InputLimitException limit) {
            return handleExceptionInternal(e, beyondLimit(limit), headers, HttpStatus.BAD_REQUEST, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON for this endpoint: " + reason(e));
        problem.setTitle("Malformed request body");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage()).sorted().collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: " + fields);
        problem.setTitle("Invalid request");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The parser's first line (what and where), without class names or the echoed input. */
    private static String reason(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        String message = cause.getMessage() == null ? "unreadable" : cause.getMessage();
        String first = message.lines().findFirst().orElse(message);
        return first.replaceAll("\\s*\\(?(class|for type) `?[\\w.$]+`?\\)?", "").strip();
    }
}
