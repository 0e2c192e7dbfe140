#!/bin/sh
echo "cassandra $(hostname) $RUNTIME_ENV"
