package org.groundwatergateway.ogc.sta.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A data source that counts the statements prepared on its connections: how many a read takes, not how long. */
final class CountingDataSource {

    private final AtomicInteger statements = new AtomicInteger();
    private final DataSource dataSource;

    CountingDataSource(DataSource counted) {
        this.dataSource = proxy(DataSource.class, counted, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? proxy(Connection.class, connection, this::onConnection) : result;
        });
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The statements prepared since the last call. */
    int statementsSinceLastAsked() {
        return statements.getAndSet(0);
    }

    private Object onConnection(Object connection, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement") || method.getName().equals("prepareCall")) {
            statements.incrementAndGet();
        }
        return invoke(connection, method, args);
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
