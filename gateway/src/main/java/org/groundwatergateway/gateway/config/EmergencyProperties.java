package org.groundwatergateway.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the emergency response ({@code gw.emergency.*}).
 *
 * @param travelSpeedKmh the speed dispatch ETAs assume on the park's roads
 * @param cameraRadiusM how far from an incident cameras are linked to it
 * @param nearestCameras how many of them at most
 * @param keyWellRadiusM wells this close to an incident are compared before and after in its evaluation
 * @param realizations Monte Carlo realisations of an incident's plume forecast
 * @param plumeRadiusM a severe alert at a well this close to an open incident of its pollutant and aquifer joins it
 */
@ConfigurationProperties("gw.emergency")
public record EmergencyProperties(double travelSpeedKmh, double cameraRadiusM, int nearestCameras, double keyWellRadiusM, int realizations,
                                  double plumeRadiusM) {}
