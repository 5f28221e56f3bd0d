package org.ratebook.console.api.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The API's front door, before authentication: a request for a path, method or content type that no endpoint
 * serves gets a 404, 405 or 415 problem (not the console's HTML page or a redirect to its login); a body beyond
 * its limit gets a 413 problem before it is read into memory; a NUL in the query string a 400 problem.
 */
public class ApiEdgeFilter extends OncePerRequestFilter {

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private final HandlerMapping endpoints;

    public ApiEdgeFilter(HandlerMapping endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && decodes(query).indexOf('\0') >= 0) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "Invalid parameter",
                    "a query parameter contains a NUL character (U+0000)", request);
            return;
        }
        HttpStatus unserved = unserved(request);
        if (unserved != null) {
            Problems.write(response, unserved, unserved.getReasonPhrase(), switch (unserved) {
                case NOT_FOUND -> "No API endpoint at " + request.getRequestURI();
                case METHOD_NOT_ALLOWED -> request.getMethod() + " is not supported at " + request.getRequestURI();
                case UNSUPPORTED_MEDIA_TYPE -> "Content type '" + request.getContentType()
                        + "' is not accepted by " + request.getMethod() + " " + request.getRequestURI();
                case NOT_ACCEPTABLE -> "This endpoint cannot answer in the requested media type ("
                        + request.getHeader("Accept") + ")";
                default -> unserved.getReasonPhrase();
            }, request);
            return;
        }
        if (!METHODS_WITH_BODY.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        long limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, request, limit);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        // no Content-Length (chunked): read at most limit + 1 bytes, then decide
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                body.write(buffer, 0, n);
                if (body.size() > limit) {
                    tooLarge(response, request, limit);
                    return;
                }
            }
        }
        chain.doFilter(new BufferedBody(request, body.toByteArray()), response);
    }

    /** Usage batches and rule-pack uploads may be large; every other body is a small JSON document. */
    static long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean large = path.endsWith("/api/v1/usage") || path.contains("/api/v1/rule-packs/");
        return large ? InputLimits.MAX_LARGE_BODY_BYTES : InputLimits.MAX_JSON_BODY_BYTES;
    }

    private static void tooLarge(HttpServletResponse response, HttpServletRequest request, long limit)
            throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body is larger than " + limit + " bytes, the limit for " + request.getRequestURI(),
                request);
    }

    /** Why no endpoint would take this request, or null if one would. */
    private HttpStatus unserved(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            return endpoints.getHandler(request) == null ? HttpStatus.NOT_FOUND : null;
        } catch (HttpRequestMethodNotSupportedException e) {
            return HttpStatus.METHOD_NOT_ALLOWED;
        } catch (HttpMediaTypeNotSupportedException e) {
            return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        } catch (HttpMediaTypeNotAcceptableException e) {
            return HttpStatus.NOT_ACCEPTABLE;
        } catch (Exception e) {
            return null; // e.g. a missing parameter: the endpoint itself answers with its own problem
        } finally {
            if (previous == null) {
                request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            } else {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
            }
        }
    }

    private static String decodes(String query) {
        try {
            return URLDecoder.decode(query, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return query;
        }
    }

    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
