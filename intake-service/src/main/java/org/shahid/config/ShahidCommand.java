package org.shahid.config;
public class ShahidCommand { public static void main(String[] a) {} }
