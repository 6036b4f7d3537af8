package io.eventos.platform.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.UUID;

/**
 * Enforces {@link RequiresPermission} on service methods. Runs after the tenant binding (higher priority number),
 * inside the same transaction, so the membership it reads is the bound account's and as of now.
 */
@RequiresPermission(Permission.VIEW)
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 10)
public class PermissionInterceptor {

    @Inject
    Authorizer authorizer;

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        RequiresPermission required = method.getAnnotation(RequiresPermission.class);
        if (required == null) {
            required = method.getDeclaringClass().getAnnotation(RequiresPermission.class);
        }
        authorizer.check(required.value(), eventArgument(method, invocation.getParameters()));
        return invocation.proceed();
    }

    private static UUID eventArgument(Method method, Object[] arguments) {
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof EventRef && arguments[i] instanceof UUID eventId) {
                    return eventId;
                }
            }
        }
        return null;
    }
}
