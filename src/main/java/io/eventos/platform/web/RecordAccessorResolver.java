package io.eventos.platform.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Answers {@code #{row.name()}} on a record from the record's own accessors, looked up once per record class.
 * <p>
 * The views read records (page models, rows) through accessor calls, and EL's own bean resolver answers each call by
 * searching the class's methods again ({@code Class.getMethods()}, a copy of every public method): a profile of an
 * uncached public event page (issue 18) found 7 % of its CPU there. This resolver, registered in faces-config.xml
 * before the bean resolver, answers only a call with no arguments of a record component's accessor on a public
 * record (and the property form {@code #{row.name}}, read-only); anything else goes on down the chain unchanged.
 */
public class RecordAccessorResolver extends ELResolver {

    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            if (!type.isRecord() || !publiclyReachable(type)) {
                return Map.of();
            }
            return Stream.of(type.getRecordComponents())
                    .collect(Collectors.toUnmodifiableMap(RecordComponent::getName, RecordComponent::getAccessor));
        }
    };

    private static boolean publiclyReachable(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static Method accessor(Object base, Object name) {
        if (base == null || !(name instanceof String property)) {
            return null;
        }
        return ACCESSORS.get(base.getClass()).get(property);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (params != null && params.length > 0) {
            return null;
        }
        Method accessor = accessor(base, method);
        if (accessor == null) {
            return null;
        }
        context.setPropertyResolved(base, method);
        return call(accessor, base);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        Method accessor = accessor(base, property);
        if (accessor == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return call(accessor, base);
    }

    private static Object call(Method accessor, Object base) {
        try {
            return accessor.invoke(base);
        } catch (InvocationTargetException e) {
            throw new ELException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new ELException(e);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        Method accessor = accessor(base, property);
        if (accessor == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return null; // read-only: nothing may be set
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // records cannot change: left to the bean resolver, which refuses with its own message
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (accessor(base, property) == null) {
            return false;
        }
        context.setPropertyResolved(base, property);
        return true;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base != null && base.getClass().isRecord() ? String.class : null;
    }
}
