package org.groundwatergateway.gateway.notification;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.groundwatergateway.core.escalation.Channel;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.escalation.NotificationChannel;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * In-app push: every notification is one server-sent event ({@code event: alert}, the notification as JSON) to every
 * portal tab that has {@code GET /api/v1/alerts/stream} open. A tab that went away is dropped on the next send. The streams
 * never end by themselves, so they are ended at shutdown, before the web server's graceful shutdown would wait for them.
 */
public final class AlertStream implements NotificationChannel, SmartLifecycle {

    public static final String DESTINATION = "/api/v1/alerts/stream";
    /** The dataset the sharing policy names alerts as raised by, on every door that carries them (SSE, MQTT, webhook). */
    public static final String DATASET = "alert_stream";

    private final List<SseEmitter> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    /** A new listener; the stream stays open until the client leaves. */
    public SseEmitter open() {
        SseEmitter emitter = new SseEmitter(0L);
        listeners.add(emitter);
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(error -> listeners.remove(emitter));
        try {
            // A first comment makes the response (and its headers) go out now, so clients know they are listening.
            emitter.send(SseEmitter.event().comment("alerts"));
        } catch (IOException e) {
            listeners.remove(emitter);
        }
        return emitter;
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public String destination(Notification notification) {
        return DESTINATION;
    }

    @Override
    public void send(Notification notification, String recipient) {
        String json = NotificationJson.of(notification);
        for (SseEmitter listener : listeners) {
            try {
                listener.send(SseEmitter.event().name("alert").id(notification.alertId() + "-" + notification.tier()).data(json,
                        org.springframework.http.MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                listeners.remove(listener);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (SseEmitter listener : listeners) listener.complete();
        listeners.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
